package dev.todobot.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Draws the cold starts as an SVG bar chart: one group per function, one bar per launch
 * mode (the median), a whisker to the slowest run, and the function's target.
 */
final class ColdStartChart {

	private static final int WIDTH = 760;

	private static final int LEFT = 190;

	private static final int RIGHT = 70;

	private static final int TOP = 92;

	private static final int BAR = 18;

	private static final int BAR_GAP = 5;

	private static final int GROUP_GAP = 22;

	private static final Map<String, String> COLORS = Map.of("fat", "#9aa5b1", "extracted", "#5b8def", "aot",
			"#1f9d55");

	private static final List<String> MORE_COLORS = List.of("#e8a33d", "#8e6bd1", "#d6457a", "#2bb3c0", "#7a8b2f");

	private static final String TARGET_COLOR = "#d64545";

	private ColdStartChart() {
	}

	/**
	 * Renders the chart.
	 * @param coldStarts what was measured
	 * @param functions the functions, top to bottom
	 * @param modes the modes, top to bottom within a function
	 * @param targetsMs each function's target, in milliseconds
	 * @param subtitle where and how it was measured
	 * @return the SVG document
	 */
	static String render(List<ColdStart> coldStarts, List<String> functions, List<Variant> modes,
			Map<String, Double> targetsMs, String subtitle) {
		double maxMs = coldStarts.stream().mapToDouble(ColdStart::maxMs).max().orElse(1000);
		for (String function : functions) {
			maxMs = Math.max(maxMs, targetsMs.getOrDefault(function, 0.0));
		}
		double stepMs = (maxMs <= 2500) ? 250 : (maxMs <= 5000) ? 500 : (maxMs <= 12000) ? 1000 : 2000;
		double scaleMs = Math.ceil(maxMs * 1.02 / stepMs) * stepMs;
		int plotWidth = WIDTH - LEFT - RIGHT;
		int groupHeight = modes.size() * (BAR + BAR_GAP) - BAR_GAP;
		int plotHeight = functions.size() * (groupHeight + GROUP_GAP) - GROUP_GAP;
		int height = TOP + plotHeight + 56;
		StringBuilder svg = new StringBuilder();
		svg.append(format(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\" font-size=\"12\">\n",
				WIDTH, height, WIDTH, height));
		svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, height));
		svg.append(format("<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\" fill=\"#1f2933\">%s</text>\n",
				16, escape("Cold start: process start to the first database-backed answer")));
		svg.append(format("<text x=\"%d\" y=\"42\" fill=\"#52606d\">%s</text>\n", 16, escape(subtitle)));
		int legendX = 16;
		for (Variant mode : modes) {
			svg.append(format("<rect x=\"%d\" y=\"56\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", legendX,
					color(modes, mode)));
			svg.append(
					format("<text x=\"%d\" y=\"66\" fill=\"#1f2933\">%s</text>\n", legendX + 17, escape(mode.label())));
			legendX += 17 + 7 * mode.label().length() + 18;
		}
		svg.append(format("<line x1=\"%d\" y1=\"62\" x2=\"%d\" y2=\"62\" stroke=\"%s\" stroke-width=\"2\" "
				+ "stroke-dasharray=\"4 3\"/>\n", legendX, legendX + 14, TARGET_COLOR));
		svg.append(format("<text x=\"%d\" y=\"66\" fill=\"#1f2933\">target</text>\n", legendX + 19));
		for (double tick = 0; tick <= scaleMs + 0.5; tick += stepMs) {
			double x = LEFT + tick / scaleMs * plotWidth;
			svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e7eb\"/>\n", x, TOP - 6, x,
					TOP + plotHeight + 4));
			svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#52606d\">%s</text>\n", x,
					TOP + plotHeight + 20, seconds(tick)));
		}
		svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#52606d\">%s</text>\n",
				LEFT + plotWidth / 2, TOP + plotHeight + 40, "seconds"));
		int y = TOP;
		for (String function : functions) {
			svg.append(
					format("<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\" fill=\"#1f2933\">%s</text>\n",
							16, y + groupHeight / 2 + 5, escape(function)));
			// the target line goes under the bars and their labels
			Double target = targetsMs.get(function);
			if (target != null) {
				double x = LEFT + target / scaleMs * plotWidth;
				svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" "
						+ "stroke-dasharray=\"4 3\"/>\n", x, y - 4, x, y + groupHeight + 4, TARGET_COLOR));
			}
			int barY = y;
			for (Variant mode : modes) {
				Optional<ColdStart> measured = coldStarts.stream()
					.filter((c) -> c.function().equals(function) && c.mode().equals(mode.id()))
					.findFirst();
				svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#52606d\">%s</text>\n", LEFT - 8,
						barY + BAR - 5, escape(mode.label())));
				if (measured.isPresent()) {
					ColdStart c = measured.get();
					double median = LEFT + c.medianMs() / scaleMs * plotWidth;
					double max = LEFT + c.maxMs() / scaleMs * plotWidth;
					double middle = barY + BAR / 2.0;
					svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", LEFT,
							barY, median - LEFT, BAR, color(modes, mode)));
					svg.append(format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#3e4c59\"/>\n",
							median, middle, max, middle));
					svg.append(format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#3e4c59\"/>\n",
							max, middle - 4, max, middle + 4));
					svg.append(format(
							"<text x=\"%.1f\" y=\"%d\" fill=\"#1f2933\" stroke=\"#ffffff\" stroke-width=\"3\" "
									+ "paint-order=\"stroke\">%s</text>\n",
							max + 6, barY + BAR - 5, format("%.2f s", c.medianMs() / 1000)));
				}
				barY += BAR + BAR_GAP;
			}
			y += groupHeight + GROUP_GAP;
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static String color(List<Variant> modes, Variant mode) {
		String color = COLORS.get(mode.id());
		if (color != null) {
			return color;
		}
		int extra = (int) modes.stream().limit(modes.indexOf(mode)).filter((m) -> !COLORS.containsKey(m.id())).count();
		return MORE_COLORS.get(extra % MORE_COLORS.size());
	}

	private static String seconds(double ms) {
		return format("%.2f", ms / 1000).replaceAll("0$", "").replaceAll("\\.0?$", "");
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
