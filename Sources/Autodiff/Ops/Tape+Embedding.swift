import Tensors

extension Tape {
    /// Rows of `table` [vocab, d] for `ids` (laid out as `idsShape`); result: idsShape + [d].
    public func embedding(_ table: Variable, ids: [Int32], idsShape: [Int]) -> Variable {
        precondition(idsShape.reduce(1, *) == ids.count, "embedding: \(ids.count) ids for shape \(idsShape)")
        let vocab = table.shape[0], d = table.shape[1]
        var y = Tensor(uninitialized: idsShape + [d])
        y.withUnsafeMutablePointer { yp in table.value.withUnsafePointer { Embedding.forward($0, ids: ids, yp, vocab: vocab, d: d) } }
        return record(y, inputs: [table]) { out in {
            out.grad!.withUnsafePointer { g in table.addIntoGrad { Embedding.backward(g, ids: ids, $0, d: d) } }
        } }
    }
}
