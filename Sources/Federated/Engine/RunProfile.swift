import Foundation
import Report

/// Wall-clock seconds one process spent in each phase of a run, per round (round 0: preparing the data and scoring
/// the starting model). Kept in memory only: timings differ between machines and sittings, so they never enter the
/// checkpoint, whose bytes depend on the seed alone.
public struct RunProfile: Equatable {
    /// Where a run spends its time.
    public enum Phase: String, CaseIterable {
        case data = "data (render, tokenize, encode)"
        case training = "local training"
        case aggregation = "server step"
        case generation = "evaluation: generation and scoring"
        case answerLoss = "evaluation: test answer loss"
        case checkpoint = "checkpoint write"
    }

    /// Seconds by round, then phase.
    public private(set) var seconds: [Int: [Phase: Double]] = [:]

    public init() {}

    /// Adds `duration` seconds to `phase` of `round`.
    public mutating func add(_ duration: Double, to phase: Phase, round: Int) {
        seconds[round, default: [:]][phase, default: 0] += duration
    }

    /// Runs `body`, adding its wall time to `phase` of `round`.
    public mutating func measure<T>(_ phase: Phase, round: Int, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, to: phase, round: round) }
        return try body()
    }

    /// Seconds of `phase` over every round.
    public func total(_ phase: Phase) -> Double { seconds.values.reduce(0) { $0 + ($1[phase] ?? 0) } }

    /// Seconds of every phase over every round.
    public var total: Double { Phase.allCases.reduce(0) { $0 + total($1) } }

    /// A markdown table: one row per phase, one column per round measured in this process, the total and its share.
    public var table: String {
        let rounds = seconds.keys.sorted()
        let format = { (s: Double) in String(format: "%.1f", s) }
        var out = ResultTable(header: ["phase"] + rounds.map { $0 == 0 ? "start" : "round \($0)" } + ["total (s)", "share"])
        for phase in Phase.allCases {
            let share = total > 0 ? 100 * total(phase) / total : 0
            out.append([phase.rawValue] + rounds.map { format(seconds[$0]?[phase] ?? 0) } + [format(total(phase)), String(format: "%.0f %%", share)])
        }
        out.append(["all"] + rounds.map { r in format(seconds[r]?.values.reduce(0, +) ?? 0) } + [format(total), "100 %"])
        return out.render() + "\n"
    }
}
