package dev.strata.compiler.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The mutable maps of a {@link ModelState}: a hash map that iterates in order of insertion (as
 * {@link java.util.LinkedHashMap} does), with two more operations the replay needs in constant
 * time: {@link #rename} re-keys an entry in place (a table renamed keeps its place in creation
 * order), and {@link #ordinal} gives an entry's rank, so that a handful of keys found through
 * another index can be put back in creation order without walking the map. Every change, through
 * any view of the map ({@code put}, {@code remove}, an iterator's {@code remove}, {@code
 * Entry.setValue}, {@code replaceAll}), is reported to the {@link Hook}, which keeps the state's
 * indexes up to date.
 *
 * <p>Not thread-safe; iterators fail fast on a change made outside them.
 */
final class OrderedMap<K, V> extends AbstractMap<K, V> {
  /** Told of every entry added and removed (a replaced value: removed, then added). */
  interface Hook<K, V> {
    void added(K key, V value);

    void removed(K key, V value);
  }

  private static final Hook<Object, Object> NONE = new Hook<>() {
    @Override
    public void added(Object key, Object value) {}

    @Override
    public void removed(Object key, Object value) {}
  };

  private final HashMap<K, Node<K, V>> nodes = new HashMap<>();
  private final Hook<K, V> hook;
  private Node<K, V> head;
  private Node<K, V> tail;
  private long nextOrdinal;
  private int modCount;
  private Set<Map.Entry<K, V>> entries;

  @SuppressWarnings("unchecked")
  OrderedMap() {
    this((Hook<K, V>) (Hook<?, ?>) NONE);
  }

  OrderedMap(Hook<K, V> hook) {
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  @Override
  public int size() {
    return nodes.size();
  }

  @Override
  public boolean containsKey(Object key) {
    return nodes.containsKey(key);
  }

  @Override
  public V get(Object key) {
    Node<K, V> node = nodes.get(key);
    return node == null ? null : node.value;
  }

  @Override
  public V put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Node<K, V> node = nodes.get(key);
    if (node != null) {
      return node.setValue(value);
    }
    node = new Node<>(this, key, value, nextOrdinal++);
    node.prev = tail;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
    nodes.put(key, node);
    modCount++;
    hook.added(key, value);
    return null;
  }

  @Override
  public V remove(Object key) {
    Node<K, V> node = nodes.get(key);
    if (node == null) {
      return null;
    }
    unlink(node);
    return node.value;
  }

  @Override
  public void clear() {
    for (Node<K, V> node = head; node != null; node = node.next) {
      hook.removed(node.key, node.value);
    }
    nodes.clear();
    head = null;
    tail = null;
    modCount++;
  }

  /**
   * Re-keys the entry {@code from} to {@code to} with {@code value}, in its place in the order.
   *
   * @throws IllegalArgumentException when {@code from} is missing or {@code to} is taken
   */
  void rename(K from, K to, V value) {
    Objects.requireNonNull(value, "value");
    Node<K, V> node = nodes.get(from);
    if (node == null || (!from.equals(to) && nodes.containsKey(to))) {
      throw new IllegalArgumentException("cannot rename " + from + " to " + to);
    }
    hook.removed(node.key, node.value);
    nodes.remove(from);
    node.key = to;
    node.value = value;
    nodes.put(to, node);
    modCount++;
    hook.added(to, value);
  }

  /** The rank of {@code key} in the order of the map (larger is later); -1 when missing. */
  long ordinal(K key) {
    Node<K, V> node = nodes.get(key);
    return node == null ? -1 : node.ordinal;
  }

  /** {@code keys} (keys of this map) in the map's order: costs a sort of {@code keys} only. */
  List<K> inOrder(Collection<K> keys) {
    List<K> out = new ArrayList<>(keys);
    out.sort(Comparator.comparingLong(this::ordinal));
    return out;
  }

  private void unlink(Node<K, V> node) {
    if (node.prev == null) {
      head = node.next;
    } else {
      node.prev.next = node.next;
    }
    if (node.next == null) {
      tail = node.prev;
    } else {
      node.next.prev = node.prev;
    }
    nodes.remove(node.key);
    modCount++;
    hook.removed(node.key, node.value);
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    if (entries == null) {
      entries = new AbstractSet<>() {
        @Override
        public int size() {
          return nodes.size();
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
          return new Walk();
        }
      };
    }
    return entries;
  }

  private final class Walk implements Iterator<Map.Entry<K, V>> {
    private Node<K, V> next = head;
    private Node<K, V> last;
    private int expected = modCount;

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map.Entry<K, V> next() {
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
      if (next == null) {
        throw new NoSuchElementException();
      }
      last = next;
      next = next.next;
      return last;
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException();
      }
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
      unlink(last);
      last = null;
      expected = modCount;
    }
  }

  private static final class Node<K, V> implements Map.Entry<K, V> {
    private final OrderedMap<K, V> owner;
    private final long ordinal;
    private K key;
    private V value;
    private Node<K, V> prev;
    private Node<K, V> next;

    Node(OrderedMap<K, V> owner, K key, V value, long ordinal) {
      this.owner = owner;
      this.key = key;
      this.value = value;
      this.ordinal = ordinal;
    }

    @Override
    public K getKey() {
      return key;
    }

    @Override
    public V getValue() {
      return value;
    }

    /** Replaces the value in place (no structural change: iterators go on). */
    @Override
    public V setValue(V value) {
      Objects.requireNonNull(value, "value");
      V old = this.value;
      owner.hook.removed(key, old);
      this.value = value;
      owner.hook.added(key, value);
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && Objects.equals(key, e.getKey())
          && Objects.equals(value, e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }
}
