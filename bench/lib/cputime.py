#!/usr/bin/env python3
"""Runs a command, passes its output through, then prints `cpu_s=` — the user plus system CPU seconds the command's
process (all its threads) used from start to exit, start-up included. CPU time leaves out the time the machine gave
to others (a busy neighbour, the hypervisor's steal), which wall-clock rates of a noisy VM carry.

    cputime.py COMMAND [ARGS...]
"""
import os
import subprocess
import sys

process = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(process.pid, 0)
sys.stdout.flush()
print(f"cpu_s={usage.ru_utime + usage.ru_stime:.3f}")
sys.exit(os.waitstatus_to_exitcode(status))
