extension Sequence where Element: Equatable {
    /// The distinct elements, in the order each first occurs.
    public var distinctInOrder: [Element] { reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
}
