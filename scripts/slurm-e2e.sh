#!/usr/bin/env bash
# End-to-end test of `pilot study submit --slurm` on a real single-node Slurm (scripts/slurm-local.sh):
# the smoke reproduction submitted as Slurm jobs (base, array of runs, render) must render tables, figures and
# paper-repro.md byte-identical to the local executor's, a resubmission must submit no run again, and a task
# requeued in the middle of its run must resume and still end with the same bytes.
#
#   scripts/slurm-e2e.sh REFERENCE_RUNS
#
# REFERENCE_RUNS: the runs directory of `make reproduce SCALE=smoke RUNS=REFERENCE_RUNS` (its figures-smoke/ and
# paper-repro-smoke.md are the local executor's output). Starts and stops its own Slurm daemons.
set -euo pipefail
cd "$(dirname "$0")/.."

reference=${1:?usage: $0 REFERENCE_RUNS (the RUNS of make reproduce SCALE=smoke)}
pilot=$(pwd)/.build/release/pilot
root=$(mktemp -d "${TMPDIR:-/tmp}/pilot-slurm-e2e.XXXXXX")
cluster="$root/cluster"
trap 'scancel --quiet --user="$(id -un)" 2>/dev/null || true; scripts/slurm-local.sh stop "$cluster"' EXIT

scripts/slurm-local.sh start "$cluster"
export SLURM_CONF="$cluster/slurm.conf"
fail() { echo "slurm e2e: FAIL: $*" >&2; exit 1; }

# Waits until job $1 has left the queue, then checks it completed.
wait_for() {
    local id=$1 state
    for _ in $(seq 1 1800); do
        if [ -z "$(squeue -h -j "$id" 2>/dev/null)" ]; then break; fi
        sleep 1
    done
    state=$(scontrol show job "$id" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1)
    [ "$state" = "COMPLETED" ] || fail "job $id ended $state; logs in $root/runs/slurm/logs"
}

submit() {
    "$pilot" study submit --slurm --scale smoke --seeds 1 --base-dir "$root/base" --runs "$root/runs" \
        --out "$root/figures" --paper-repro "$root/figures/paper-repro.md" --cpus-per-task 1 "$@"
}

echo "== bad input: one line and a non-zero exit"
refuse() {      # refuse EXPECTED ARGS…: the submission fails with one line containing EXPECTED
    local expected=$1 err status=0
    shift
    err=$("$pilot" study submit --slurm --scale smoke --seeds 1 --base-dir "$root/base" "$@" 2>&1 >/dev/null) || status=$?
    [ "$status" -ne 0 ] || fail "pilot study submit $* succeeded"
    [ "$(echo "$err" | wc -l)" -eq 1 ] || fail "pilot study submit $* printed more than one line: $err"
    echo "$err" | grep -q -- "$expected" || fail "pilot study submit $*: expected '$expected' in: $err"
    echo "refused as expected: $err"
}
refuse "invalid partition" --runs "$root/bad-partition" --partition no-such-partition
refuse "cannot write the job scripts" --runs /proc/pilot-not-writable
refuse "no-such-study" --runs "$root/bad-study" --study no-such-study
[ -z "$(squeue -h)" ] || fail "a refused submission left jobs in the queue: $(squeue)"

echo "== submit the smoke reproduction"
out=$(submit)
echo "$out"
render=$(echo "$out" | sed -n 's/^job \([0-9]*\): renders.*/\1/p')
[ -n "$render" ] || fail "no render job in the submission's output"
echo "$out" | grep -q "pretrains the base" || fail "no base job although the base directory is empty"

echo "== resubmit at once: every run is queued already"
again=$(submit)
echo "$again"
echo "$again" | grep -q ", 0 submitted$" || fail "an immediate resubmission submitted runs that are queued"
if echo "$again" | grep -q "array of"; then fail "an immediate resubmission queued an array job"; fi
wait_for "$render"
wait_for "$(echo "$again" | sed -n 's/^job \([0-9]*\): renders.*/\1/p')"
diff -r "$reference/figures-smoke" "$root/figures" --exclude=paper-repro.md || fail "Slurm's figures differ from the local executor's"
cmp "$reference/paper-repro-smoke.md" "$root/figures/paper-repro.md" || fail "Slurm's paper-repro.md differs from the local executor's"
echo "== identical to the local executor's tables, figures and paper-repro.md"

echo "== resubmit: nothing left to train"
out=$(submit)
echo "$out"
echo "$out" | grep -q ", 0 submitted$" || fail "a resubmission of a finished plan submitted runs"
if echo "$out" | grep -q "array of"; then fail "a resubmission of a finished plan queued an array job"; fi
wait_for "$(echo "$out" | sed -n 's/^job \([0-9]*\): renders.*/\1/p')"

echo "== requeue a task in the middle of its run"
victim=$(ls "$root/runs" | grep -- '-seed0-' | grep '^pilot-visual' | head -n 1)
[ -n "$victim" ] || fail "no Pilot run to requeue"
mv "$root/runs/$victim" "$root/victim-done"
out=$(submit)
echo "$out"
array=$(echo "$out" | sed -n 's/^job \([0-9]*\): array of 1 run.*/\1/p')
[ -n "$array" ] || fail "the removed run was not submitted again"
for _ in $(seq 1 600); do          # until its first round is checkpointed
    h5dump -a completed_rounds "$root/runs/$victim/run.h5" 2>/dev/null | grep -q "(0): 1" && break
    sleep 0.2
done
scontrol requeue "${array}_0" || fail "scontrol requeue refused"
wait_for "$(echo "$out" | sed -n 's/^job \([0-9]*\): renders.*/\1/p')"
grep -q "resuming after round" "$root"/runs/slurm/logs/pilot-runs-"${array}"_0.out \
    || fail "the requeued task did not resume from its checkpoint: $(cat "$root"/runs/slurm/logs/pilot-runs-"${array}"_0.out)"
cmp "$reference/paper-repro-smoke.md" "$root/figures/paper-repro.md" || fail "after the requeue, paper-repro.md differs"
diff -r "$reference/figures-smoke" "$root/figures" --exclude=paper-repro.md || fail "after the requeue, the figures differ"
scripts/slurm-local.sh stop "$cluster"
trap - EXIT
if pgrep -f -- "$cluster" >/dev/null; then fail "daemons of $cluster still run after stop: $(pgrep -af -- "$cluster")"; fi
rm -rf "$root"
echo "slurm e2e: PASS (bad input refused, submission, resubmission, requeue; byte-identical to the local executor; daemons stopped)"
