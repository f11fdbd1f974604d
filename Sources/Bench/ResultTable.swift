/// A plain-text table with aligned columns (the first left-aligned, the rest right-aligned).
public struct ResultTable {
    /// Column titles.
    public let header: [String]
    /// Rows of cells, as many as the header has columns.
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row of \(row.count) cells for \(header.count) columns")
        rows.append(row)
    }

    /// The table as Markdown, columns padded to line up in a terminal too.
    public func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { c, s in
                let pad = String(repeating: " ", count: widths[c] - s.count)
                return c == 0 ? s + pad : pad + s
            }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.enumerated().map { c, w in c == 0 ? ":" + String(repeating: "-", count: w + 1) : String(repeating: "-", count: w + 1) + ":" }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
