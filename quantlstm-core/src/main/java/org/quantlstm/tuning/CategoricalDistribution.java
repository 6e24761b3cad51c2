package org.quantlstm.tuning;

import java.util.List;
import org.quantlstm.common.UserInputException;

/**
 * One of a fixed list of string choices (numbers can be passed as strings and parsed by the objective).
 * The internal value is the index of the choice.
 */
public record CategoricalDistribution(List<String> choices) implements Distribution {
    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new UserInputException("categorical parameter: needs at least one choice");
        }
        choices = List.copyOf(choices);
        if (choices.stream().distinct().count() != choices.size()) {
            throw new UserInputException("categorical parameter: duplicate choices in " + choices);
        }
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof String s && choices.contains(s);
    }

    @Override
    public double internal(Object value) {
        return choices.indexOf((String) value);
    }

    @Override
    public Object external(double internal) {
        int i = (int) Math.round(internal);
        return choices.get(Math.max(0, Math.min(choices.size() - 1, i)));
    }

    @Override
    public double internalLow() {
        return 0;
    }

    @Override
    public double internalHigh() {
        return choices.size() - 1;
    }
}
