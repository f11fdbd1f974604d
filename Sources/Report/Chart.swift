import Foundation

/// A figure described by numbers and labels only, rendered by `GnuplotRenderer`.
public struct Chart: Hashable, Sendable {
    /// One bar per category for one series (e.g. a method's score per task).
    public struct Series: Hashable, Sendable {
        /// The legend entry.
        public var name: String
        /// One value per category, in the categories' order.
        public var values: [Statistic]

        /// A series called `name` with one value per category.
        public init(name: String, values: [Statistic]) {
            self.name = name
            self.values = values
        }
    }

    /// One point of a line: an x value and a statistic over seeds.
    public struct Point: Hashable, Sendable {
        /// The position on the x axis.
        public var x: Double
        /// The value measured there; its 95 % interval is drawn as an error bar.
        public var y: Statistic

        /// A point at `x` with value `y`.
        public init(x: Double, y: Statistic) {
            self.x = x
            self.y = y
        }
    }

    /// One line (e.g. a method's score per round).
    public struct Line: Hashable, Sendable {
        /// The legend entry.
        public var name: String
        /// The points, drawn in this order.
        public var points: [Point]

        /// A line called `name` through `points`.
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// One labelled point of a scatter plot (e.g. a method at its communication cost).
    public struct Labelled: Hashable, Sendable {
        /// The text written beside the point.
        public var label: String
        /// The position on the x axis.
        public var x: Double
        /// The value measured there; its 95 % interval is drawn as an error bar.
        public var y: Statistic

        /// A point labelled `label` at `x` with value `y`.
        public init(label: String, x: Double, y: Statistic) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    /// What the figure draws.
    public enum Kind: Hashable, Sendable {
        /// Bars per category, one per series, with the 95 % intervals as error bars.
        case groupedBars(categories: [String], series: [Series])
        /// Lines with error bars, e.g. score per round per method, or score against top-k.
        case lines([Line])
        /// Labelled points with error bars, e.g. score against communicated parameters.
        case scatter([Labelled])
        /// Several charts side by side in one row (gnuplot multiplot), each with its own title, axes and bounds: one
        /// panel per task, so that no axis mixes metrics. The container's axis labels are not drawn.
        indirect case panels([Chart])
    }

    /// The file stem of the rendered files; must match `[a-z0-9_-]+`.
    public var name: String
    /// The title drawn above the plot.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String
    /// What the figure draws.
    public var kind: Kind
    /// Whether the x axis is logarithmic (every x must then be positive; not for grouped bars).
    public var logScaleX: Bool
    /// Whether to draw the line y = 0 (for relative scores such as "Shepherd minus Local").
    public var zeroLine: Bool
    /// The range of the values' metric: error bars are clipped to it (accuracies to 0…100).
    public var yBounds: ClosedRange<Double>

    /// A chart; its name and values are checked when it is rendered (or by `validate()`).
    public init(name: String, title: String, xLabel: String, yLabel: String, kind: Kind,
                logScaleX: Bool = false, zeroLine: Bool = false, yBounds: ClosedRange<Double> = -.infinity ... .infinity) {
        self.name = name
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.kind = kind
        self.logScaleX = logScaleX
        self.zeroLine = zeroLine
        self.yBounds = yBounds
    }

    /// `panels` side by side under `title`, rendered as one figure called `name`.
    public static func panels(name: String, title: String, _ panels: [Chart]) -> Chart {
        Chart(name: name, title: title, xLabel: "", yLabel: "", kind: .panels(panels))
    }

    /// The error bar of `value` on this chart: its 95 % interval clipped to `yBounds`.
    func errorBar(_ value: Statistic) -> [Double] {
        let interval = value.interval95(clippedTo: yBounds)
        return [interval.lower, interval.upper]
    }
}
