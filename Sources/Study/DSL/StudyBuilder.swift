/// The result builder behind `Study { … }`: collects rows, settings and outputs as inert parts.
///
/// `for` loops (sweeps), `if`/`else` and `if #available` work inside the block; nothing runs until
/// a planner expands the study.
@resultBuilder
public enum StudyBuilder {
    /// One component.
    public static func buildExpression(_ component: some StudyComponent) -> [StudyPart] { component.parts }
    /// A block of components.
    public static func buildBlock(_ parts: [StudyPart]...) -> [StudyPart] { parts.flatMap { $0 } }
    /// A `for` loop: every iteration's parts in order.
    public static func buildArray(_ parts: [[StudyPart]]) -> [StudyPart] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ parts: [StudyPart]?) -> [StudyPart] { parts ?? [] }
    /// The `if` branch of an `if`/`else`.
    public static func buildEither(first parts: [StudyPart]) -> [StudyPart] { parts }
    /// The `else` branch of an `if`/`else`.
    public static func buildEither(second parts: [StudyPart]) -> [StudyPart] { parts }
    /// An `if #available` block.
    public static func buildLimitedAvailability(_ parts: [StudyPart]) -> [StudyPart] { parts }
}
