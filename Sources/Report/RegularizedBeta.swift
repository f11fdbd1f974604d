import Foundation

/// The regularized incomplete beta function I_x(a, b), which gives Student's t distribution its CDF.
///
/// Evaluated by its continued fraction (modified Lentz's method), on the side of x where it converges fast
/// (Press et al., Numerical Recipes, §6.4); accurate to about 1e-14 relative.
enum RegularizedBeta {
    /// I_x(a, b) for 0 ≤ x ≤ 1 and a, b > 0.
    static func value(_ x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0 && (0...1).contains(x), "I_x(a, b) needs a, b > 0 and 0 ≤ x ≤ 1")
        if x == 0 || x == 1 { return x }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) { return exp(logFront) * continuedFraction(x, a: a, b: b) / a }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction of I_x(a, b) · a · B(a, b) / (x^a (1 − x)^b).
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-15
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let m = Double(m), m2 = 2 * m
            // Even step: m (b − m) x / ((a + 2m − 1)(a + 2m)).
            var term = m * (b - m) * x / ((a - 1 + m2) * (a + m2))
            d = 1 + term * d; if abs(d) < tiny { d = tiny }
            c = 1 + term / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step: −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
            term = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2))
            d = 1 + term * d; if abs(d) < tiny { d = tiny }
            c = 1 + term / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < epsilon { break }
        }
        return h
    }
}
