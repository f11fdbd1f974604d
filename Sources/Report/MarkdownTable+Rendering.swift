import Foundation

extension MarkdownTable {
    /// The table as deterministic markdown (title, table, caption), ending in a newline.
    ///
    /// Rows with fewer cells than columns are padded with `—`; cells beyond the last column are
    /// dropped (`validate()` reports both).
    public func rendered() -> String {
        ""   // TODO
    }

    /// Throws `ReportError.inconsistentRowLength` when a row's cell count differs from `columnCount`.
    public func validate() throws {
        for row in rows where row.cells.count != columnCount {
            throw ReportError.inconsistentRowLength(table: title, row: row.label, expected: columnCount, actual: row.cells.count)
        }
    }
}
