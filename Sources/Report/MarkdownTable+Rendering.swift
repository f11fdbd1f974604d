import Foundation

extension MarkdownTable {
    /// The table as deterministic markdown: the bold title, a blank line, the table, a blank line
    /// and the caption, ending in a newline. See `MarkdownTable` for the conventions.
    ///
    /// Rows with fewer cells than columns are padded with `—`; cells beyond the last column are
    /// dropped (`validate()` reports both). Columns are padded with spaces so the raw text lines up.
    public func rendered() -> String {
        let columns = groups.flatMap { group in
            group.columns.enumerated().map { index, column in Self.header(group: group.title, column: column, isFirst: index == 0) }
        }
        let best = boldBest ? bestPrintedMeans() : Array(repeating: nil, count: columns.count)
        let body = rows.map { row in
            [Self.label(row)] + (0..<columns.count).map { column in
                let cell = column < row.cells.count ? row.cells[column] : .missing
                return Self.text(of: cell, isReference: row.isReference, bestPrintedMean: best[column])
            }
        }
        let header = [MarkdownText.escaped(labelHeader)] + columns
        let widths = header.indices.map { column in
            ([header] + body).map { $0[column].count }.max().map { max($0, 3) } ?? 3
        }
        var lines: [String] = []
        if !title.isEmpty {
            lines += ["**\(MarkdownText.escaped(title))**", ""]
        }
        lines.append(Self.line(header, widths: widths))
        lines.append("| " + widths.enumerated().map { column, width in
            column == 0 ? ":" + String(repeating: "-", count: width - 1) : String(repeating: "-", count: width - 1) + ":"
        }.joined(separator: " | ") + " |")
        lines += body.map { Self.line($0, widths: widths) }
        let captionText = fullCaption
        if !captionText.isEmpty {
            lines += ["", MarkdownText.escaped(captionText)]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Throws `ReportError.inconsistentRowLength` when a row's cell count differs from `columnCount`.
    public func validate() throws {
        for row in rows where row.cells.count != columnCount {
            throw ReportError.inconsistentRowLength(table: title, row: row.label, expected: columnCount, actual: row.cells.count)
        }
    }

    /// The caption, followed by a note on italic rows when there are reference rows.
    var fullCaption: String {
        guard rows.contains(where: \.isReference) else { return caption }
        let note = boldBest ? "Italic rows are references and are not ranked." : "Italic rows are references."
        return caption.isEmpty ? note : caption + " " + note
    }

    /// Per column, the best mean as printed among at least two non-reference finite statistics, else nil.
    func bestPrintedMeans() -> [Double?] {
        (0..<columnCount).map { column in
            let contenders: [Double] = rows.compactMap { row in
                guard !row.isReference, column < row.cells.count,
                      case .statistic(let statistic) = row.cells[column], statistic.isFinite else { return nil }
                return Self.printedMean(statistic)
            }
            return contenders.count >= 2 ? contenders.max() : nil
        }
    }

    /// The mean rounded as it is printed (one decimal), so ties are judged as the reader sees them.
    static func printedMean(_ statistic: Statistic) -> Double {
        Double(MarkdownText.oneDecimal(statistic.mean)) ?? statistic.mean
    }

    /// The header of one column: `Group › column` for a group's first column, `› column` after it.
    static func header(group: String, column: String, isFirst: Bool) -> String {
        let name = MarkdownText.escaped(column)
        guard !group.isEmpty else { return name }
        return isFirst ? "\(MarkdownText.escaped(group)) › \(name)" : "› \(name)"
    }

    /// The label cell: italic for reference rows.
    static func label(_ row: Row) -> String {
        let text = MarkdownText.escaped(row.label)
        return row.isReference && !text.isEmpty ? "*\(text)*" : text
    }

    /// The printed form of one cell: bold when it is the column's best, italic in reference rows.
    static func text(of cell: Cell, isReference: Bool, bestPrintedMean: Double?) -> String {
        let plain: String
        var isBest = false
        switch cell {
        case .missing:
            return "—"
        case .statistic(let statistic):
            guard !statistic.values.isEmpty else { return "—" }
            plain = MarkdownText.statistic(statistic)
            isBest = !isReference && statistic.isFinite && bestPrintedMean == printedMean(statistic)
        case .integer(let value):
            plain = MarkdownText.groupedInteger(value)
        case .text(let value):
            plain = MarkdownText.escaped(value)
        }
        if plain.isEmpty { return plain }
        if isBest { return "**\(plain)**" }
        return isReference ? "*\(plain)*" : plain
    }

    /// One table line with cells padded to `widths`: the label column left-aligned, the others right-aligned.
    static func line(_ cells: [String], widths: [Int]) -> String {
        let padded = cells.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
            return column > 0 ? padding + cell : cell + padding
        }
        return "| " + padded.joined(separator: " | ") + " |"
    }
}
