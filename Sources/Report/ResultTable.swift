/// A plain table built row by row (benchmarks, baselines, profiles): the first column is the label, every cell is text.
/// It renders through `MarkdownTable`, the one markdown table writer, so every table of the tool looks alike.
public struct ResultTable {
    /// Column titles, the label column's first.
    public let header: [String]
    /// Rows of cells, as many as the header has columns.
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    /// Appends a row of `header.count` cells.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row of \(row.count) cells for \(header.count) columns")
        rows.append(row)
    }

    /// The table as markdown (no trailing newline), columns padded to line up in a terminal too.
    public func render() -> String {
        let table = MarkdownTable(title: "", caption: "", groups: [MarkdownTable.ColumnGroup(title: "", columns: Array(header.dropFirst()))],
                                  rows: rows.map { MarkdownTable.Row(label: $0[0], cells: $0.dropFirst().map { .text($0) }) },
                                  boldBest: false, labelHeader: header[0])
        return String(table.rendered().dropLast())
    }
}
