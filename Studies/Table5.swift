import Federated
import Study

extension Studies {
    /// Table 5: how text adapters are aggregated: same-task clients, all clients, and ATA with
    /// top-k = 5, 6 (the paper's, = full Pilot) and 7 of the 9 clients; an extra row keeps the six
    /// nearest but weights them by data size instead of distance (our reading before the paper's was taken literally).
    static let table5 = Study("table5", title: "Table 5: text-adapter aggregation strategies (visual understanding)", scenario: .visual) {
        Row("Same task client", .pilot { $0.textAggregation = .sameTask }, learningRate: pilotRate)
        Row("All clients", .pilot { $0.textAggregation = .allClients }, learningRate: pilotRate)
        for k in 5...7 {
            Row("Pilot (k = \(k))", .pilot { $0.textAggregation = .nearest(k: k) }, learningRate: pilotRate)
        }
        Row("Pilot (k = 6, size weights)", .pilot { $0.textAggregation = .nearestBySize(k: 6) }, learningRate: pilotRate)
        Table(.perTask)
        Figure(.topKLine)
        Figure(.taskBars)
        Figure(.roundCurves)
    }
}
