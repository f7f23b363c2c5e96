package org.inspraak.insight;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The insight figures, drawn on the server with JFreeChart into SVG. Each SVG carries role="img", a title and a
 * text alternative (desc), so screen readers announce it, and the same markup goes into the PDF.
 */
public final class Figures {

    /** Colour-blind-safe palette (Okabe–Ito). */
    static final Color[] GROUP_COLOURS = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9)
    };

    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);

    private Figures() {}

    /** A figure: the SVG markup and the text alternative it carries. */
    public record Figure(String svg, String title, String description) {}

    /** Participants as points coloured by group; the viewer's own position, if any, as a larger black ring. */
    public static Figure opinionMap(
            InsightService.Insights in,
            Long viewer,
            String title,
            String description,
            String ungroupedLabel,
            String youLabel,
            Function<String, String> groupName) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries ungrouped = new XYSeries(ungroupedLabel);
        XYSeries[] groups = new XYSeries[in.groups().size()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new XYSeries(groupName.apply(in.groups().get(g).label()));
        }
        XYSeries you = new XYSeries(youLabel);
        for (InsightService.Point p : in.map()) {
            (p.group() >= 0 && p.group() < groups.length ? groups[p.group()] : ungrouped).add(p.x(), p.y());
            if (viewer != null && p.participantId() == viewer) {
                you.add(p.x(), p.y());
            }
        }
        for (XYSeries s : groups) {
            data.addSeries(s);
        }
        data.addSeries(ungrouped);
        // Only a viewer who is on the map gets the ring and its legend entry ("U"); a PDF or a visitor off the map not.
        if (!you.isEmpty()) {
            data.addSeries(you);
        }
        JFreeChart chart =
                ChartFactory.createScatterPlot(null, null, null, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int g = 0; g < groups.length; g++) {
            r.setSeriesPaint(g, GROUP_COLOURS[g % GROUP_COLOURS.length]);
            r.setSeriesShape(g, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        r.setSeriesPaint(groups.length, new Color(0x999999));
        r.setSeriesShape(groups.length, new Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesPaint(groups.length + 1, Color.BLACK);
        r.setSeriesShape(groups.length + 1, new Ellipse2D.Double(-7, -7, 14, 14));
        r.setSeriesShapesFilled(groups.length + 1, false);
        r.setSeriesStroke(groups.length + 1, new BasicStroke(2.5f));
        plot.setRenderer(r);
        plot.getDomainAxis().setTickLabelsVisible(false);
        plot.getRangeAxis().setTickLabelsVisible(false);
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        return render(chart, 640, 420, title, description);
    }

    /** A horizontal bar chart of labelled values (themes, representativeness). */
    public static Figure bars(
            List<String> labels,
            List<String> seriesNames,
            List<double[]> values,
            String valueAxis,
            String title,
            String description) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < seriesNames.size(); s++) {
            for (int i = 0; i < labels.size(); i++) {
                data.addValue(values.get(s)[i], seriesNames.get(s), labels.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                null, null, valueAxis, data, PlotOrientation.HORIZONTAL, seriesNames.size() > 1, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int s = 0; s < seriesNames.size(); s++) {
            r.setSeriesPaint(s, GROUP_COLOURS[s % GROUP_COLOURS.length]);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setMaximumCategoryLabelWidthRatio(0.45f);
        style(chart);
        return render(
                chart,
                640,
                Math.max(160, 60 + labels.size() * 28 * Math.max(1, seriesNames.size())),
                title,
                description);
    }

    /** Participation per day: one line per measure. */
    public static Figure timeline(
            List<InsightService.DayCount> days, List<String> names, String title, String description) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (InsightService.DayCount d : days) {
            String day = d.day().toString().substring(5);
            data.addValue(d.participants(), names.get(0), day);
            data.addValue(d.ideas(), names.get(1), day);
            data.addValue(d.reactions(), names.get(2), day);
        }
        JFreeChart chart =
                ChartFactory.createLineChart(null, null, null, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        for (int s = 0; s < 3; s++) {
            plot.getRenderer().setSeriesPaint(s, GROUP_COLOURS[s]);
            plot.getRenderer().setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        if (days.size() > 20) {
            plot.getDomainAxis().setTickLabelsVisible(false);
        }
        style(chart);
        return render(chart, 640, 300, title, description);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(FONT);
        }
    }

    private static Figure render(JFreeChart chart, int width, int height, String title, String description) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement();
        String id = "fig-" + UUID.randomUUID().toString().substring(0, 8);
        int end = svg.indexOf('>', svg.indexOf("<svg"));
        String head = svg.substring(0, end);
        // Scale with the container; announce as one image with a title and a text alternative.
        head = head.replaceFirst(" width=\"\\d+\"", "").replaceFirst(" height=\"\\d+\"", "")
                + " viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-labelledby=\"" + "@ID@-t @ID@-d\""
                + " style=\"width:100%;height:auto;max-width:" + width + "px\"";
        String a11y = "<title id=\"" + id + "-t\">" + escape(title) + "</title><desc id=\"" + id + "-d\">"
                + escape(description) + "</desc>";
        return new Figure(head.replace("@ID@", id) + ">" + a11y + svg.substring(end + 1), title, description);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
