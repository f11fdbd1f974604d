/// Named tolerances for the test suite.
public enum Tolerance {
    /// Finite-difference gradient checks: absolute part.
    public static let gradientAbsolute = 2e-3
    /// Finite-difference gradient checks: relative part.
    public static let gradientRelative = 2e-2
    /// Agreement with PyTorch on forward values (float32, different summation orders).
    public static let goldenForward: Float = 1e-5
    /// Agreement with PyTorch on gradients, relative to the largest gradient magnitude.
    public static let goldenGradientRelative: Float = 2e-4
    /// Agreement between two float32 computations that should be equal up to rounding.
    public static let rounding: Float = 1e-5
}
