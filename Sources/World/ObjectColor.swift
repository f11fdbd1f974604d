/// The colours objects can have: saturated and bright, so they stand out on every background.
public enum ObjectColor: String, CaseIterable, Codable, Hashable, Sendable {
    case red, green, blue, yellow, purple, white

    /// Nominal RGB in 0...255.
    public var rgb: (UInt8, UInt8, UInt8) {
        switch self {
        case .red: return (230, 40, 40)
        case .green: return (40, 200, 60)
        case .blue: return (50, 90, 240)
        case .yellow: return (240, 220, 40)
        case .purple: return (170, 60, 220)
        case .white: return (245, 245, 245)
        }
    }
}
