package dev.todobot.todoctl.cli;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurationConverterTests {

	private final DurationConverter converter = new DurationConverter();

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "90s, PT1M30S", "2m, PT2M", "1m30s, PT1M30S", "1h, PT1H", "45, PT45S" })
	void readsDurationsTheWayKubectlWritesThem(String text, Duration duration) {
		assertThat(this.converter.convert(text)).isEqualTo(duration);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "soon", "2 minutes", "-5s", "1.5m" })
	void rejectsAnythingElse(String text) {
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> this.converter.convert(text));
	}

	@ParameterizedTest(name = "{0} is written {1}")
	@CsvSource({ "PT1M30S, 1m30s", "PT2H, 2h", "PT0S, 0s" })
	void writesDurationsBackInTheSameStyle(Duration duration, String text) {
		assertThat(DurationConverter.format(duration)).isEqualTo(text);
	}

}
