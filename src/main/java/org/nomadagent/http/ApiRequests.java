package org.nomadagent.http;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.nomadagent.config.GoDuration;
import org.nomadagent.config.GoDuration.InvalidDurationException;

/**
 * Checks the parts of a request Nomad's handlers check: the method, and the query options of the
 * routes that take them ({@code ?region}, {@code ?wait}, {@code ?index}, {@code ?stale}).
 */
final class ApiRequests {

	private ApiRequests() {
	}

	/**
	 * Refuses a request whose method is not one of the given ones with 405 {@code Invalid method}.
	 * @param request the request
	 * @param methods the accepted methods
	 */
	static void requireMethod(HttpServletRequest request, String... methods) {
		for (String method : methods) {
			if (method.equals(request.getMethod())) {
				return;
			}
		}
		throw CodedException.invalidMethod();
	}

	/**
	 * Parses the query options of a request forwarded to a region's servers: refuses an invalid
	 * {@code ?wait} or {@code ?index} with 400, and a region other than the agent's with 500
	 * {@code No path to region} (this agent knows no other region).
	 * @param request the request
	 * @param knownRegions the regions the agent can reach
	 * @return the region the request is for
	 */
	static String queryRegion(HttpServletRequest request, Set<String> knownRegions, String defaultRegion) {
		String wait = request.getParameter("wait");
		if (wait != null) {
			try {
				GoDuration.parse(wait);
			}
			catch (InvalidDurationException ex) {
				throw new CodedException(400, "Invalid wait time");
			}
		}
		String index = request.getParameter("index");
		if (index != null && !index.matches("[0-9]{1,20}")) {
			throw new CodedException(400, "Invalid index");
		}
		String region = request.getParameter("region");
		if (region == null || region.isEmpty()) {
			region = defaultRegion;
		}
		if (!knownRegions.contains(region)) {
			throw new CodedException(500, "No path to region");
		}
		return region;
	}

}
