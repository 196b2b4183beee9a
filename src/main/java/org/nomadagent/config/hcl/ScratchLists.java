package org.nomadagent.config.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * One reusable list per nesting level, for collecting the items or elements of the object or
 * list being parsed at that level before they are copied into the immutable tree. Saves
 * allocating and growing a new list for every object.
 */
final class ScratchLists<T> {

	private final List<ArrayList<T>> lists = new ArrayList<>();

	/**
	 * Returns the empty list for a nesting level; it is valid until that level is entered again.
	 */
	ArrayList<T> at(int level) {
		while (this.lists.size() <= level) {
			this.lists.add(new ArrayList<>());
		}
		ArrayList<T> list = this.lists.get(level);
		list.clear();
		return list;
	}

}
