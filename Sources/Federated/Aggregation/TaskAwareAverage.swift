import Tensors
import World

/// Pilot's task-aware aggregation of the visual task adapters (Pilot, Eq. 10): one average per task.
///
/// Paper: "Pilot: Building the Federated Multimodal Instruction Tuning Framework", Eq. 10. For each task t,
/// the task adapter becomes the data-size-weighted average (`WeightedAverage`) of the adapters sent by the
/// clients of task t; clients of other tasks do not contribute.
public enum TaskAwareAverage {
    /// Per task present in `updates`, the weighted average of that task's clients' parameters.
    ///
    /// Client indices must be distinct over all tasks; within a task, names and shapes must agree.
    /// Tasks are processed in declaration order, so the first error reported is deterministic.
    public static func average(_ updates: [ClientUpdate]) throws -> [TaskKind: NamedTensors] {
        let sorted = try UpdateValidation.distinctClients(updates)
        let byTask = Dictionary(grouping: sorted, by: \.task)
        var result: [TaskKind: NamedTensors] = [:]
        for task in byTask.keys.sorted() {
            result[task] = try WeightedAverage.average(byTask[task]!)
        }
        return result
    }
}
