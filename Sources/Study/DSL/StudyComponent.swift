/// Anything that may appear inside a `Study { … }` block.
public protocol StudyComponent {
    /// The parts this component contributes, in order.
    var parts: [StudyPart] { get }
}
