# The nomad-agent image: the agent built from source, then run on a JRE as an unprivileged user.
#
#   podman build -t nomad-agent .          (or docker build; BuildKit or buildah for the cache mount)
#   podman run -v ./nomad.d:/etc/nomad.d:ro -p 4646:4646 nomad-agent
#
# No "# syntax=" line on purpose: the builder's built-in Dockerfile frontend is enough, and an
# image build must not need to pull a frontend image (offline and mirrored builds).

# ---- build stage: Maven package, then split the executable jar into Spring Boot's layers ----
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src/main ./src/main
# The source revision /v1/agent/self reports ("Revision"): --build-arg REVISION=$(git rev-parse HEAD)
ARG REVISION=""
# The cache mount keeps Maven's downloads between builds without putting them into a layer.
# Tests are not compiled here: they run in CI (mvn verify), not in every image build.
RUN --mount=type=cache,target=/var/cache/maven \
    mvn -B -q -Dmaven.repo.local=/var/cache/maven/repository -Dmaven.test.skip=true \
        -Dnomad-agent.revision="${REVISION}" package \
 && java -Djarmode=tools -jar target/nomad-agent.jar extract --layers --destination target/layers

# ---- runtime stage ----
FROM eclipse-temurin:17-jre
ARG REVISION=""
LABEL org.opencontainers.image.title="nomad-agent" \
      org.opencontainers.image.description="The Nomad v0.5 agent re-built on Java 17 and Spring Boot" \
      org.opencontainers.image.revision="${REVISION}"
# curl: the HEALTHCHECK calls it, and so do the checks podman kube play makes of httpGet probes.
# The base image ships it; "command -v" stops the build if it ever stops doing so.
# nomad: a fixed numeric uid/gid, so that Kubernetes' runAsNonRoot can check it and volumes can
# be prepared for it. /var/lib/nomad is the data_dir, /etc/nomad.d where configuration is mounted.
RUN command -v curl \
 && groupadd --gid 10001 nomad \
 && useradd --uid 10001 --gid nomad --home-dir /var/lib/nomad --no-create-home --shell /usr/sbin/nologin nomad \
 && mkdir -p /etc/nomad.d /var/lib/nomad \
 && chown nomad:nomad /var/lib/nomad
# The working directory is where Spring Boot reads application.yml from (file:./).
WORKDIR /app
# Spring Boot's layers, least often changed first, so a code change rebuilds only the last layer.
COPY --from=build /src/target/layers/dependencies/ ./
COPY --from=build /src/target/layers/spring-boot-loader/ ./
COPY --from=build /src/target/layers/snapshot-dependencies/ ./
COPY --from=build /src/target/layers/application/ ./
# Framework settings (probes, actuator exposure, graceful shutdown), documented in the file.
COPY application.yml ./
# Container defaults (bind to all interfaces, data_dir on the volume), read before /etc/nomad.d,
# so that any value the mounted configuration sets wins under Nomad's merge rules.
COPY docker/container.hcl /etc/nomad-agent/container.hcl
COPY docker/nomad-healthcheck /usr/local/bin/nomad-healthcheck
# Class-data sharing: one training start (-dev, which serves a few requests and is then stopped)
# records the classes an agent loads, up to its first answers; every start then maps them from
# the archive instead of loading and verifying them again, which takes 0.7-0.8 s off a start
# (bench/agent-http.sh). The training start uses the AOT-generated context, as every start of the
# image does. SIGTERM without leave_on_terminate exits 1, as Nomad does; the archive is written
# at that exit.
RUN java -XX:ArchiveClassesAtExit=/app/nomad-agent.jsa -Dspring.aot.enabled=true \
        -jar /app/nomad-agent.jar agent -dev > /tmp/training.log 2>&1 & agent=$!; \
    for i in $(seq 1 300); do \
        curl -fs -o /dev/null http://127.0.0.1:4646/v1/agent/self && break; sleep 0.2; \
    done; \
    curl -fsS -o /dev/null http://127.0.0.1:4646/v1/agent/self \
 && curl -fsS -o /dev/null http://127.0.0.1:4646/v1/status/leader \
 && curl -fsS -o /dev/null http://127.0.0.1:4646/actuator/health/readiness \
 || { cat /tmp/training.log; kill -KILL $agent; exit 1; }; \
    kill -TERM $agent; wait $agent; \
    test -s /app/nomad-agent.jsa && rm /tmp/training.log
USER 10001:10001
VOLUME ["/var/lib/nomad"]
# HTTP API and probes, RPC, Serf gossip (TCP and UDP).
EXPOSE 4646 4647 4648 4648/udp
# The readiness probe: healthy once the agent serves, unhealthy while it leaves or fails.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["nomad-healthcheck"]
# Exec form: java is PID 1 and receives SIGTERM itself, so leave_on_terminate can do a graceful
# leave (exit 0). The class-data sharing archive is the one made above, and the application
# context the one Spring AOT generated at build time (spring.aot.enabled; README, "Start-up").
# The heap follows the container's memory limit; an OutOfMemoryError ends the process so that
# the orchestrator restarts it rather than it limping on.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/nomad-agent.jsa", "-Dspring.aot.enabled=true", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/nomad-agent.jar"]
CMD ["agent", "-config=/etc/nomad-agent/container.hcl", "-config=/etc/nomad.d"]
