package dev.todobot.todoctl.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations the way kubectl writes them: {@code 90s}, {@code 2m}, {@code 1m30s},
 * {@code 1h}; a bare number is seconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

	@Override
	public Duration convert(String value) {
		if (value.matches("\\d+")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		Matcher matcher = DURATION.matcher(value);
		if (value.isEmpty() || !matcher.matches()) {
			throw new TypeConversionException("'" + value + "' is not a duration such as 90s, 2m or 1m30s");
		}
		return Duration.ofHours(number(matcher.group(1)))
			.plusMinutes(number(matcher.group(2)))
			.plusSeconds(number(matcher.group(3)));
	}

	private static long number(String group) {
		return (group != null) ? Long.parseLong(group) : 0;
	}

	/**
	 * Writes a duration back in the same style, for messages.
	 * @param duration the duration
	 * @return for example {@code 1m30s}
	 */
	public static String format(Duration duration) {
		String text = (duration.toHours() > 0 ? duration.toHours() + "h" : "")
				+ (duration.toMinutesPart() > 0 ? duration.toMinutesPart() + "m" : "")
				+ (duration.toSecondsPart() > 0 ? duration.toSecondsPart() + "s" : "");
		return text.isEmpty() ? "0s" : text;
	}

}
