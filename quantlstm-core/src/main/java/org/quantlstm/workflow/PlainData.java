package org.quantlstm.workflow;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a value made of records into plain {@link Serializable} data and back, so that a task's result can cross
 * a JVM boundary ({@link TaskRunner}) although its records (a backtest, a tuning trial, a baseline report…) do not
 * implement {@code Serializable} themselves. A record becomes its class and its components, each encoded in turn;
 * lists, sets, maps and arrays of objects are encoded element by element; anything else that is already
 * serialisable (numbers, strings, enums, primitive arrays, dates) is kept as it is. {@link #decode} rebuilds the
 * records through their canonical constructors, so their validation and defensive copies run again and the value
 * comes back equal, component by component, to the one encoded. A class that is neither a record nor
 * serialisable is an {@link IllegalArgumentException} naming it.
 */
public final class PlainData {
    private PlainData() {
    }

    /** An encoded record: its class and its encoded components in declaration order. */
    private record RecordValue(Class<?> type, Object[] components) implements Serializable {
    }

    /** An encoded list or set; {@code sorted} for a sorted set (natural order). */
    private record CollectionValue(boolean set, boolean sorted, Object[] elements) implements Serializable {
    }

    /** An encoded map, entries in iteration order; {@code sorted} for a sorted map (natural order). */
    private record MapValue(boolean sorted, Object[] keys, Object[] values) implements Serializable {
    }

    /** An encoded array of objects and its component type. */
    private record ArrayValue(Class<?> componentType, Object[] elements) implements Serializable {
    }

    /** The plain form of {@code value} (null stays null). */
    public static Serializable encode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Record r) {
            RecordComponent[] rc = r.getClass().getRecordComponents();
            Object[] parts = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                try {
                    var accessor = rc[i].getAccessor();
                    accessor.setAccessible(true);
                    parts[i] = encode(accessor.invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + rc[i].getName(), e);
                }
            }
            return new RecordValue(r.getClass(), parts);
        }
        if (value instanceof Map<?, ?> m) {
            Object[] keys = new Object[m.size()];
            Object[] values = new Object[m.size()];
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys[i] = encode(e.getKey());
                values[i++] = encode(e.getValue());
            }
            return new MapValue(m instanceof SortedMap<?, ?>, keys, values);
        }
        if (value instanceof Collection<?> c) {
            Object[] elements = new Object[c.size()];
            int i = 0;
            for (Object o : c) {
                elements[i++] = encode(o);
            }
            return new CollectionValue(c instanceof Set<?>, c instanceof SortedSet<?>, elements);
        }
        if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(value);
            Object[] elements = new Object[n];
            for (int i = 0; i < n; i++) {
                elements[i] = encode(Array.get(value, i));
            }
            return new ArrayValue(value.getClass().getComponentType(), elements);
        }
        if (value instanceof Serializable s) {
            return s;
        }
        throw new IllegalArgumentException(value.getClass().getName()
                + " is neither a record nor serialisable, so it cannot be a task's result");
    }

    /** The value {@link #encode} was given, rebuilt. */
    public static Object decode(Object plain) {
        if (plain instanceof RecordValue r) {
            RecordComponent[] rc = r.type().getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                args[i] = decode(r.components()[i]);
            }
            try {
                Constructor<?> c = r.type().getDeclaredConstructor(types);
                c.setAccessible(true);
                return c.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("cannot rebuild " + r.type().getName() + ": " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot rebuild " + r.type().getName(), e);
            }
        }
        if (plain instanceof MapValue m) {
            Map<Object, Object> out = m.sorted() ? new TreeMap<>() : new LinkedHashMap<>();
            for (int i = 0; i < m.keys().length; i++) {
                out.put(decode(m.keys()[i]), decode(m.values()[i]));
            }
            return out;
        }
        if (plain instanceof CollectionValue c) {
            List<Object> elements = new ArrayList<>(c.elements().length);
            for (Object o : c.elements()) {
                elements.add(decode(o));
            }
            if (!c.set()) {
                return elements;
            }
            return c.sorted() ? new TreeSet<>(elements) : new LinkedHashSet<>(elements);
        }
        if (plain instanceof ArrayValue a) {
            Object out = Array.newInstance(a.componentType(), a.elements().length);
            for (int i = 0; i < a.elements().length; i++) {
                Array.set(out, i, decode(a.elements()[i]));
            }
            return out;
        }
        return plain;
    }

    /** {@link #decode} cast to the type the caller knows it encoded. */
    public static <T> T decode(Object plain, Class<T> type) {
        return type.cast(decode(plain));
    }
}
