import Foundation
import Study
import XCTest

/// The job scripts a submission writes, read as a user (and bash) would read them; the submission itself is tested
/// against a real Slurm by scripts/slurm-e2e.sh.
final class SlurmSubmissionTests: XCTestCase {
    func testWordsAreQuotedForTheShellOnlyWhenTheyNeedIt() {
        XCTAssertEqual(SlurmJobScript.quoted("/shared/pilot/runs"), "/shared/pilot/runs")
        XCTAssertEqual(SlurmJobScript.quoted("--out=x"), "--out=x")
        XCTAssertEqual(SlurmJobScript.quoted("my runs"), "'my runs'")
        XCTAssertEqual(SlurmJobScript.quoted("it's"), "'it'\\''s'")
        XCTAssertEqual(SlurmJobScript.quoted("$HOME"), "'$HOME'")
        XCTAssertEqual(SlurmJobScript.quoted(""), "''")
    }

    func testQuotedWordsReachTheProgramUnchanged() throws {
        let words = ["plain", "two words", "it's", "$HOME", "a\"b", "semi;colon", ""]
        let script = SlurmJobScript(name: "t", directives: [], purpose: "test", command: ["/usr/bin/printf", "[%s]\\n"] + words)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-slurm-quote-\(getpid()).sh")
        try script.text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = [file.path]
        let out = Pipe()
        bash.standardOutput = out
        try bash.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bash.waitUntilExit()
        XCTAssertEqual(bash.terminationStatus, 0)
        XCTAssertEqual(printed, words.map { "[\($0)]\n" }.joined())
    }

    func testASubmissionHasABaseJobAnArrayOfRunsAndARenderJob() {
        let submission = SlurmSubmission(directory: URL(fileURLWithPath: "/shared/runs/slurm"),
                                         options: SlurmOptions(partition: "cpu", timeLimit: "01:00:00", cpusPerTask: 2,
                                                               extraArguments: ["--mem=4G"]),
                                         stamp: "20261203-120000")
        let work = SlurmSubmission.Work(pretrain: ["/opt/pilot", "pretrain", "--scale", "small"],
                                        runs: ["local-visual-seed0-aaaaaaaa", "fedavg-visual-seed0-bbbbbbbb", "pilot-visual-seed0-cccccccc"],
                                        trainOne: ["/opt/pilot", "study", "run", "--runs", "/shared/runs", "--run"],
                                        render: ["/opt/pilot", "figures", "--runs", "/shared/runs"])
        let scripts = submission.scripts(for: work)
        XCTAssertEqual(scripts.map(\.role), ["base", "runs", "render"])
        let runs = scripts[1].script.text
        for line in ["#SBATCH --job-name=pilot-runs", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=cpu", "#SBATCH --time=01:00:00",
                     "#SBATCH --mem=4G", "#SBATCH --array=0-2", "#SBATCH --requeue",
                     "RUN=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" /shared/runs/slurm/20261203-120000-runs.txt)",
                     "exec /opt/pilot study run --runs /shared/runs --run \"$RUN\""] {
            XCTAssertTrue(runs.split(separator: "\n").contains(Substring(line)), "missing \(line) in\n\(runs)")
        }
        XCTAssertTrue(scripts[0].script.text.hasSuffix("exec /opt/pilot pretrain --scale small\n"))
        XCTAssertTrue(scripts[2].script.text.contains("#SBATCH --job-name=pilot-render"))
        XCTAssertFalse(scripts[2].script.text.contains("--array"), "the render job is one job")
        XCTAssertEqual(submission.runListFile.lastPathComponent, "20261203-120000-runs.txt")

        // Nothing left to train: no base job, no array, only the render job.
        let finished = SlurmSubmission.Work(pretrain: nil, runs: [], trainOne: work.trainOne, render: work.render)
        XCTAssertEqual(submission.scripts(for: finished).map(\.role), ["render"])
    }

    func testNoSbatchOnThePathIsFoundAsNone() {
        XCTAssertNil(Sbatch.locate(path: "/nonexistent:/also-not-here"))
        XCTAssertNil(Sbatch.locate(path: nil))
    }

    func testARefusalAfterQueuedJobsNamesThemAndTheirCancellation() {
        let error = SlurmError.partlySubmitted(.refused(script: "x-render.sh", reason: "invalid partition specified: nope"),
                                               submitted: ["base job 12", "runs job 13"])
        XCTAssertEqual("\(error)", "sbatch refused x-render.sh: invalid partition specified: nope; already queued: base job 12, runs job 13 "
                       + "(cancel with `scancel 12 13`, or leave them: a resubmission reuses what they finish)")
    }
}
