import Foundation

extension Chart {
    /// Throws the first `ReportError` that would stop this chart from rendering.
    public func validate() throws {
        // TODO
    }
}
