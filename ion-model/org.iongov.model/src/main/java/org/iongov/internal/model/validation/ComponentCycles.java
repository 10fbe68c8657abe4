/*
 * Copyright (c) 2026 IonGov contributors.
 * SPDX-License-Identifier: EPL-2.0
 */
package org.iongov.internal.model.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.iongov.model.Component;

/**
 * Finds the edges that make a pipeline's component graph cyclic.
 *
 * <p>Which edge of a cycle is "the" wrong one is a guess; we take the definition order as the
 * author's intent. Every cycle has at least one edge that runs backwards in that order (from a
 * component to one listed before it), and every edge inside a strongly connected component lies
 * on some cycle. So the edges reported are exactly the backward edges inside strongly connected
 * components: each is on a cycle, and removing them all leaves an acyclic graph. Self-loops are
 * left to the caller, which reports them in their own words.
 */
public final class ComponentCycles {

	/**
	 * An edge {@code from -> to} (so {@code from} is one of {@code to}'s inputs) and a cycle
	 * through it, listed from {@code from} back to {@code from}.
	 */
	public record CyclicEdge(Component from, Component to, List<Component> cycle) {
	}

	private final List<Component> components;
	private final Map<Component, Integer> order = new IdentityHashMap<>();
	private final Map<Component, List<Component>> successors = new IdentityHashMap<>();

	private ComponentCycles(List<Component> components) {
		this.components = components;
		for (int i = 0; i < components.size(); i++) {
			order.putIfAbsent(components.get(i), i);
			successors.put(components.get(i), new ArrayList<>());
		}
		for (Component target : components) {
			for (Component input : target.getInputs()) {
				if (input != target && successors.containsKey(input)) {
					successors.get(input).add(target);
				}
			}
		}
	}

	/** The backward edges inside cycles, ordered by target, then by the target's input order. */
	public static List<CyclicEdge> find(List<Component> components) {
		return new ComponentCycles(components).find();
	}

	private List<CyclicEdge> find() {
		Map<Component, Integer> scc = stronglyConnected();
		List<CyclicEdge> result = new ArrayList<>();
		for (Component target : components) {
			for (Component input : target.getInputs()) {
				if (input == target || !order.containsKey(input)) {
					continue;
				}
				boolean sameScc = scc.get(input).equals(scc.get(target));
				if (sameScc && order.get(input) > order.get(target)) {
					result.add(new CyclicEdge(input, target, cycleThrough(input, target)));
				}
			}
		}
		return result;
	}

	/** from -> to, then the shortest way from {@code to} back to {@code from}. */
	private List<Component> cycleThrough(Component from, Component to) {
		Map<Component, Component> previous = new IdentityHashMap<>();
		Deque<Component> queue = new ArrayDeque<>();
		queue.add(to);
		previous.put(to, to);
		while (!queue.isEmpty() && !previous.containsKey(from)) {
			Component current = queue.removeFirst();
			for (Component next : successors.get(current)) {
				if (!previous.containsKey(next)) {
					previous.put(next, current);
					queue.addLast(next);
				}
			}
		}
		List<Component> back = new ArrayList<>();
		for (Component c = from; c != to; c = previous.get(c)) {
			back.add(0, c);
		}
		List<Component> cycle = new ArrayList<>();
		cycle.add(from);
		cycle.add(to);
		cycle.addAll(back);
		return cycle;
	}

	/** Tarjan's algorithm; recursion is fine for the few components of a pipeline. */
	private Map<Component, Integer> stronglyConnected() {
		Map<Component, Integer> index = new IdentityHashMap<>();
		Map<Component, Integer> low = new IdentityHashMap<>();
		Map<Component, Integer> sccOf = new IdentityHashMap<>();
		Deque<Component> stack = new ArrayDeque<>();
		Map<Component, Boolean> onStack = new IdentityHashMap<>();
		int[] counter = { 0, 0 };
		for (Component c : components) {
			if (!index.containsKey(c)) {
				strongConnect(c, index, low, sccOf, stack, onStack, counter);
			}
		}
		return sccOf;
	}

	private void strongConnect(Component v, Map<Component, Integer> index, Map<Component, Integer> low,
			Map<Component, Integer> sccOf, Deque<Component> stack, Map<Component, Boolean> onStack, int[] counter) {
		index.put(v, counter[0]);
		low.put(v, counter[0]);
		counter[0]++;
		stack.push(v);
		onStack.put(v, true);
		for (Component w : successors.get(v)) {
			if (!index.containsKey(w)) {
				strongConnect(w, index, low, sccOf, stack, onStack, counter);
				low.put(v, Math.min(low.get(v), low.get(w)));
			} else if (onStack.getOrDefault(w, false)) {
				low.put(v, Math.min(low.get(v), index.get(w)));
			}
		}
		if (low.get(v).equals(index.get(v))) {
			int id = counter[1]++;
			Component w;
			do {
				w = stack.pop();
				onStack.put(w, false);
				sccOf.put(w, id);
			} while (w != v);
		}
	}
}
