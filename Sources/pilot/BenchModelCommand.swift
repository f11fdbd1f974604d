import ArgumentParser
import Bench
import Foundation
import Report
import Tensors

extension BenchCommand {
    /// `pilot bench model`
    struct ModelCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model", abstract: "Training-step, eval and KV-cache generation throughput of pilot-tiny; optionally beside PyTorch.")

        @Option(help: "Comma-separated variants: llava, pilot1, pilot2.") var variants = "llava,pilot1,pilot2"
        @Option(help: "Comma-separated batch sizes.") var batches = "8,16,32"
        @Option(name: .customLong("thread-counts"), help: "Comma-separated thread counts to measure.") var threadCounts = "1,2"
        @Option(help: "Timed training/eval steps per measurement (medians).") var iterations = 20
        @Option(name: .customLong("vs-torch"), help: "Python with torch: also run the PyTorch reference, alternating, and print ratios.")
        var vsTorch: String?
        @Option(name: .customLong("torch-script"), help: "The PyTorch reference's benchmark script (pilot-tiny in PyTorch: reference/).")
        var torchScript = "reference/bench.py"
        @Flag(help: "With --vs-torch, also measure PyTorch with torch.compile (train and eval).") var compile = false
        @Option(help: "With --vs-torch: rounds of (ours, PyTorch) per configuration; medians and the median ratio are reported.")
        var rounds = 3
        @Option(help: "Also write the report to this file.") var out: String?
        @Flag(help: "Also print a per-op time profile of the training step and of a generation call for each variant (first batch size and thread count).")
        var profile = false

        func list(_ text: String) -> [String] { text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

        func validate() throws {
            guard list(variants).allSatisfy({ ModelBenchmark.Variant(rawValue: $0) != nil }) else {
                throw ValidationError("--variants takes llava, pilot1, pilot2; got '\(variants)'")
            }
            for (name, text) in [("--batches", batches), ("--thread-counts", threadCounts)] {
                guard list(text).allSatisfy({ (Int($0) ?? 0) > 0 }) else { throw ValidationError("\(name) must be positive integers, got '\(text)'") }
            }
            guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
            guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
            if vsTorch != nil && !FileManager.default.fileExists(atPath: torchScript) {
                throw ValidationError("no torch reference at \(torchScript) (set --torch-script)")
            }
        }

        func run() throws {
            let bench = ModelBenchmark(iterations: iterations)
            let torch = vsTorch.map { TorchReference(python: $0, script: torchScript) }
            let flops = ModelBenchmark.trainingFLOPsPerExample()
            let lastQueries = ModelBenchmark.lastBlockQueries()
            let executed = ModelBenchmark.trainingFLOPsPerExample(lastBlockQueries: lastQueries)
            let kernels = KernelBenchmark()
            var perRound: [String] = []          // each round's share of peak and ratios, in round order: the spread behind the medians
            var table = ResultTable(header: ["variant", "B", "threads", "train ex/s", "GFLOP/s", "executed GFLOP/s", "sgemm peak", "% of peak",
                                             "eval ex/s", "gen ex/s"]
                                    + (torch == nil ? [] : ["torch train", "×", "torch eval", "×", "torch gen", "×"] + (compile ? ["compiled train", "×"] : [])))
            let f1 = { (x: Double) in x.isNaN ? "–" : String(format: "%.1f", x) }
            let f2 = { (x: Double) in x.isNaN ? "–" : String(format: "%.2f", x) }
            for threads in list(threadCounts).map({ Int($0)! }) {
                Runtime.configure(threads: threads)
                for variant in list(variants).compactMap(ModelBenchmark.Variant.init) {
                    for b in list(batches).map({ Int($0)! }) {
                        var ours: [ModelBenchmark.Result] = [], peaks: [Double] = []
                        var eager: [TorchReference.Throughput] = [], compiled: [TorchReference.Throughput] = []
                        for round in 0..<(torch == nil ? 1 : rounds) {
                            FileHandle.standardError.write(Data("… \(variant.rawValue) B\(b) \(threads) thread(s), round \(round + 1)\n".utf8))
                            ours.append(bench.measure(variant, batch: b))
                            peaks.append(kernels.peakRate())
                            guard let torch else { continue }
                            eager.append(try torch.measure(variant: variant.rawValue, batch: b, threads: threads, iterations: iterations))
                            if compile {
                                compiled.append(try torch.measure(variant: variant.rawValue, batch: b, threads: threads, iterations: iterations, compile: true))
                            }
                        }
                        let median = { (xs: [Double]) in Samples(seconds: xs).median }
                        let train = median(ours.map(\.trainExamplesPerSecond)), eval = median(ours.map(\.evalExamplesPerSecond))
                        let gen = median(ours.map(\.generateExamplesPerSecond))
                        // Executed work against the peak of the same round, and each ratio to PyTorch, per round.
                        let percentOfPeak = zip(ours, peaks).map { 100 * executed * $0.trainExamplesPerSecond / 1e9 / $1 }
                        let ratios = { (mine: (ModelBenchmark.Result) -> Double, theirs: (TorchReference.Throughput) -> Double, ref: [TorchReference.Throughput]) in
                            zip(ours, ref).map { mine($0) / theirs($1) }
                        }
                        let trainVsEager = ratios({ $0.trainExamplesPerSecond }, { $0.train }, eager)
                        let trainVsCompiled = ratios({ $0.trainExamplesPerSecond }, { $0.train }, compiled)
                        let generationVsEager = ratios({ $0.generateExamplesPerSecond }, { $0.generate }, eager)
                        let isLLaVA = variant == .llava
                        var row = [variant.rawValue, "\(b)", "\(threads)", f1(train), isLLaVA ? f1(flops * train / 1e9) : "–",
                                   isLLaVA ? f1(executed * train / 1e9) : "–", f1(median(peaks)), isLLaVA ? f1(median(percentOfPeak)) : "–",
                                   f1(eval), f1(gen)]
                        if torch != nil {
                            row += [f1(median(eager.map(\.train))), f2(median(trainVsEager)),
                                    f1(median(eager.map(\.eval))), f2(median(ratios({ $0.evalExamplesPerSecond }, { $0.eval }, eager))),
                                    f1(median(eager.map(\.generate))), f2(median(generationVsEager))]
                            if compile { row += [f1(median(compiled.map(\.train))), f2(median(trainVsCompiled))] }
                            let listed = { (values: [Double], format: (Double) -> String) in values.map(format).joined(separator: ", ") }
                            var series = isLLaVA ? ["% of peak " + listed(percentOfPeak, f1)] : []
                            series.append("train × eager " + listed(trainVsEager, f2))
                            if compile { series.append("train × compiled " + listed(trainVsCompiled, f2)) }
                            series.append("generation × eager " + listed(generationVsEager, f2))
                            perRound.append("- \(variant.rawValue) B\(b), \(threads) thread(s): " + series.joined(separator: "; "))
                        }
                        table.append(row)
                    }
                }
            }
            let report = """
            # pilot bench model
            command: \(commandLineString())
            setup: \(Runtime.summary); medians of \(iterations) steps after \(ModelBenchmark.warmup) untimed (generation: \(bench.generationIterations) calls after \(ModelBenchmark.generationWarmup)), on both sides\(torch == nil ? "" : "; \(rounds) alternating rounds of ours then PyTorch, median values and median per-round ratio (×)")
            training step = vision forward + connector + LLM forward and backward + AdamW (as the reference);
            GFLOP/s counts \(String(format: "%.3f", flops / 1e9)) GFLOP per llava training example (the reference's analytic count); this engine executes \(String(format: "%.3f", executed / 1e9)) (its last block's queries, output projection and MLP run only at the \(lastQueries) positions from the first the loss reads);
            sgemm peak: a \(KernelBenchmark.peakSize)³ sgemm on the same threads after each of our rounds (the better of OpenBLAS's and our panel threading), median; % of peak: executed GFLOP/s over the same round's peak, median over rounds;
            generation: \(ModelBenchmark.promptTokens)-token prompt, \(ModelBenchmark.answerTokens) new tokens, KV cache. Peak resident memory: \(ModelBenchmark.peakResidentBytes() / (1 << 20)) MiB.

            \(table.render())
            \(perRound.isEmpty ? "" : "\nEach round's values, in round order (the table gives their medians):\n\n" + perRound.joined(separator: "\n") + "\n")
            """
            var text = report
            if profile {
                Runtime.configure(threads: Int(list(threadCounts)[0])!)
                for variant in list(variants).compactMap(ModelBenchmark.Variant.init) {
                    let b = Int(list(batches)[0])!
                    var ops = ResultTable(header: ["op", "forward ms", "backward ms", "share %"])
                    let steps = 10
                    let (profile, stepSeconds, optimizerSeconds) = bench.profile(variant, batch: b, steps: steps)
                    let rows = profile.report(passes: steps)
                    for row in rows {
                        ops.append([row.op, String(format: "%.2f", row.forwardMs), String(format: "%.2f", row.backwardMs), String(format: "%.1f", 100 * row.share)])
                    }
                    let inOps = rows.reduce(0) { $0 + $1.forwardMs + $1.backwardMs }
                    text += "\nPer-op profile, \(variant.rawValue) B\(b) (ms per training step; forward time includes the code between ops):\n\n\(ops.render())\n"
                        + String(format: "Step wall time %.2f ms (mean of the %d profiled steps); in ops %.2f ms; outside them %.2f ms, "
                                 + "of which the optimizer step %.2f ms (the rest: zeroing gradients, freeing the tape).\n",
                                 1000 * stepSeconds, steps, inOps, 1000 * stepSeconds - inOps, 1000 * optimizerSeconds)
                    let (generationOps, callSeconds) = bench.profileGeneration(variant, batch: b, calls: bench.generationIterations)
                    let generationRows = generationOps.report(passes: bench.generationIterations)
                    var generationTable = ResultTable(header: ["op", "ms", "share %"])
                    for row in generationRows {
                        generationTable.append([row.op, String(format: "%.3f", row.forwardMs), String(format: "%.1f", 100 * row.share)])
                    }
                    let generationInOps = generationRows.reduce(0) { $0 + $1.forwardMs }
                    text += "\nPer-op profile, \(variant.rawValue) B\(b) generation (ms per call: features, then \(ModelBenchmark.answerTokens) tokens with the KV cache):\n\n\(generationTable.render())\n"
                        + String(format: "Call wall time %.2f ms (mean of %d calls); in ops %.2f ms; outside them %.2f ms.\n",
                                 1000 * callSeconds, bench.generationIterations, generationInOps, 1000 * callSeconds - generationInOps)
                }
            }
            print(text)
            if let out { try text.write(toFile: out, atomically: true, encoding: .utf8) }
        }
    }
}
