import Tensors

/// A parameter set by name: the trainable tensors a client sends and the server aggregates.
///
/// Names are the keys a model's parameter container uses (for example `llm.layers.0.q.lora.a`);
/// every aggregation visits them in sorted order so that results do not depend on dictionary order.
public typealias NamedTensors = [String: Tensor]
