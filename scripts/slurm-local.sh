#!/usr/bin/env bash
# A single-node Slurm cluster on this host, for the end-to-end test of `pilot study submit --slurm`.
#
#   scripts/slurm-local.sh install        Debian's slurm-wlm and munge (apt-get, only when missing)
#   scripts/slurm-local.sh start DIR      config, state and logs in DIR; starts munged, slurmctld, slurmd; waits until the node is idle
#   scripts/slurm-local.sh stop DIR       stops exactly the daemons `start DIR` started (by their pid files in DIR)
#   scripts/slurm-local.sh env DIR        prints `export SLURM_CONF=…` for the client commands
#
# Works in a container without systemd or cgroups: proctrack/linuxproc, task/none, select/cons_tres.
# Needs root (the daemons run as root, munged with --force) or sudo.
set -euo pipefail

command=${1:-}
dir=${2:-}

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else echo "error: the local Slurm cluster needs root (or sudo)" >&2; exit 1; fi
fi

need_dir() {
    if [ -z "$dir" ]; then echo "usage: $0 $command DIR" >&2; exit 2; fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
}

install() {
    if command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 \
        && command -v munged >/dev/null 2>&1; then
        return
    fi
    echo "Installing slurm-wlm and munge"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

start() {
    need_dir
    install
    mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
    chmod 700 "$dir/munge"
    local host
    host=$(hostname -s)
    # munge: a key of our own and a socket in DIR, so a munged the host already runs is left alone.
    if [ ! -f "$dir/munge/munge.key" ]; then
        dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
        chmod 400 "$dir/munge/munge.key"
    fi
    $sudo munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
    # The node's own line (CPUs, sockets, cores, threads, memory) as slurmd sees this host.
    local node
    node=$(slurmd -C | head -n 1)
    cat > "$dir/slurm.conf" <<CONF
ClusterName=pilot-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
$node NodeAddr=127.0.0.1
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF="$dir/slurm.conf"
    $sudo env SLURM_CONF="$SLURM_CONF" slurmctld -f "$SLURM_CONF"
    $sudo env SLURM_CONF="$SLURM_CONF" slurmd -f "$SLURM_CONF"
    for _ in $(seq 1 60); do
        if sinfo -h -o "%t" 2>/dev/null | grep -q "idle"; then
            echo "Slurm is up: partition debug on $host (SLURM_CONF=$SLURM_CONF)"
            return
        fi
        sleep 1
    done
    echo "error: the local Slurm node did not become idle within 60 s; logs in $dir" >&2
    sinfo >&2 || true
    tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
    stop
    exit 1
}

stop() {
    need_dir
    for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
        if [ -f "$pidfile" ]; then
            local pid
            pid=$(cat "$pidfile")
            if $sudo kill -0 "$pid" 2>/dev/null; then
                $sudo kill "$pid" 2>/dev/null || true
                for _ in $(seq 1 50); do $sudo kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
                $sudo kill -KILL "$pid" 2>/dev/null || true
            fi
            $sudo rm -f "$pidfile"
        fi
    done
}

case "$command" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    env) need_dir; printf 'export SLURM_CONF=%q\n' "$dir/slurm.conf" ;;
    *) echo "usage: $0 install | start DIR | stop DIR | env DIR" >&2; exit 2 ;;
esac
