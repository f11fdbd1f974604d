import Foundation

/// A results table rendered as GitHub-flavoured markdown: a label column, then groups of columns.
///
/// Rendering convention (see `rendered()`):
/// - an optional bold title line above the table, the caption as a paragraph below it;
/// - markdown has a single header row and no column spans, so a group's title is written in the
///   header of the group's *first* column, followed by ` › ` and the column's name
///   (`GQA (accuracy) › GQA-1`); the group's other columns start with `› ` (`› GQA-2`, `› avg`).
///   A group titled `""` holds plain columns, whose headers are just their names;
/// - statistics print as `%.1f ± %.1f` (`%.1f` for a single value), missing cells as `—`,
///   integers with comma thousands separators;
/// - rows keep the order given; reference rows (e.g. Centralized) are set in italics, are never
///   bold and take no part in choosing the best, and the caption says so;
/// - with `boldBest`, in each column the best (highest) mean among the non-reference rows is bold,
///   compared as printed (to one decimal), so rows that print the same best value are all bold; a
///   column is only ranked when at least two rows have a statistic there. Integers and text are never bold;
/// - a statistic without values prints as `—`, one holding NaN or infinity as `non-finite`;
/// - `|`, `*`, `_`, `` ` `` and `\` in labels and text are escaped, line breaks become spaces.
///
/// Example (a `GQA (accuracy)` group over `GQA-1`, `GQA-2`, `avg`, a plain `params` column, and
/// Centralized as a reference row), with title and caption:
///
///     **Table 1: visual scenario**
///
///     | method        | GQA (accuracy) › GQA-1 |    › GQA-2 |          › avg |    params |
///     | :------------ | ---------------------: | ---------: | -------------: | --------: |
///     | Local         |             40.0 ± 1.0 |          — |           39.5 |         0 |
///     | Pilot         |         **48.3 ± 1.3** | 45.5 ± 0.7 | **46.2 ± 0.1** | 1,234,567 |
///     | *Centralized* |           *60.5 ± 0.7* |     *59.0* |         *59.5* |     *n/a* |
///
///     Mean ± std over 3 seeds. Italic rows are references and are not ranked.
public struct MarkdownTable: Hashable, Sendable {
    /// A titled run of columns, e.g. "GQA (accuracy)" over ["GQA-1", "GQA-2", "GQA-3", "avg"].
    public struct ColumnGroup: Hashable, Sendable {
        /// The group's title; `""` makes its columns plain columns.
        public var title: String
        /// The names of the group's columns, left to right.
        public var columns: [String]

        public init(title: String, columns: [String]) {
            self.title = title
            self.columns = columns
        }
    }

    /// One cell of a row.
    public enum Cell: Hashable, Sendable {
        /// A quantity measured over seeds, printed as mean ± std.
        case statistic(Statistic)
        /// Free text, printed as given (escaped for markdown).
        case text(String)
        /// A count, printed with comma thousands separators.
        case integer(Int)
        /// No value, printed as `—`.
        case missing
    }

    /// One row: a label and one cell per column.
    public struct Row: Hashable, Sendable {
        /// The text in the label column (e.g. the method's name).
        public var label: String
        /// One cell per column, left to right across all groups.
        public var cells: [Cell]
        /// Whether this row is a reference (e.g. Centralized): italic, never bold, not a contender.
        public var isReference: Bool

        public init(label: String, cells: [Cell], isReference: Bool = false) {
            self.label = label
            self.cells = cells
            self.isReference = isReference
        }
    }

    /// The title written above the table (empty: none).
    public var title: String
    /// The caption written below the table (empty: none).
    public var caption: String
    /// The column groups, left to right.
    public var groups: [ColumnGroup]
    /// The rows, rendered in this order.
    public var rows: [Row]
    /// Higher is better: bold the best mean per statistic column among non-reference rows.
    public var boldBest: Bool
    /// The header of the label column.
    public var labelHeader: String

    /// A table with a title, a caption, column groups and rows.
    public init(title: String, caption: String, groups: [ColumnGroup], rows: [Row], boldBest: Bool = true,
                labelHeader: String = "method") {
        self.title = title
        self.caption = caption
        self.groups = groups
        self.rows = rows
        self.boldBest = boldBest
        self.labelHeader = labelHeader
    }

    /// The number of value columns (all groups' columns, without the label column).
    public var columnCount: Int {
        groups.reduce(0) { $0 + $1.columns.count }
    }
}
