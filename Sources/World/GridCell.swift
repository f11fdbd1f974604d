/// One cell of the 3×3 grid that places objects; named the way people say where things are.
public struct GridCell: Codable, Hashable, Sendable {
    /// 0 (left) ... 2 (right).
    public let column: Int
    /// 0 (top) ... 2 (bottom).
    public let row: Int

    /// A cell; column and row in 0...2.
    public init(column: Int, row: Int) {
        precondition((0...2).contains(column) && (0...2).contains(row), "grid cells are 0...2, got (\(column), \(row))")
        self.column = column
        self.row = row
    }

    /// All nine cells, row by row.
    public static let all: [GridCell] = (0..<3).flatMap { r in (0..<3).map { GridCell(column: $0, row: r) } }

    /// The words cell phrases are made of: "top", "bottom", "left", "right", "center".
    public static let placeWords = ["top", "bottom", "left", "right", "center"]

    /// "top left", "center", "bottom", ...
    public var phrase: String {
        let vertical = ["top", "", "bottom"][row], horizontal = ["left", "", "right"][column]
        switch (vertical.isEmpty, horizontal.isEmpty) {
        case (true, true): return "center"
        case (true, false): return horizontal
        case (false, true): return vertical
        case (false, false): return vertical + " " + horizontal
        }
    }
}
