"""The job table in Redis (scale-out): N worker processes on any machines share it.

Each state change is one Lua script, so it is atomic across workers. A job is a hash; one sorted
set per state indexes them (the running set is scored by lease end, so the reaper finds expired
claims); the per-repository lock is a key whose TTL is the lease, extended by the heartbeat.
"""

from __future__ import annotations

import builtins
import json
from typing import Any

import redis

from bot.server.queue.records import Claim, JobRecord, JobState
from bot.server.queue.table import RETENTION

_ADD = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) == false then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 4))
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 1
"""
_CLAIM = """
if redis.call('HGET', KEYS[1], 'state') ~= 'queued' then return 'gone' end
local now, lease = tonumber(ARGV[3]), tonumber(ARGV[4])
if redis.call('HGET', KEYS[1], 'repo') ~= '' then
  local holder = redis.call('GET', KEYS[2])
  if holder and holder ~= ARGV[1] then return 'locked' end
  redis.call('SET', KEYS[2], ARGV[1], 'PX', math.ceil(lease * 1000))
end
redis.call('HSET', KEYS[1], 'state', 'running', 'worker', ARGV[2], 'lease_until', now + lease, 'updated', now)
redis.call('HINCRBY', KEYS[1], 'claims', 1)
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZADD', KEYS[3], now + lease, ARGV[1])
return 'claimed'
"""
_HEARTBEAT = """
if redis.call('HGET', KEYS[1], 'state') ~= 'running' or redis.call('HGET', KEYS[1], 'worker') ~= ARGV[2] then
  return 0 end
local now, lease = tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'lease_until', now + lease, 'updated', now)
redis.call('ZADD', KEYS[3], now + lease, ARGV[1])
if redis.call('HGET', KEYS[1], 'repo') ~= '' then redis.call('SET', KEYS[2], ARGV[1], 'PX', math.ceil(lease * 1000)) end
return 1
"""
_FINISH = """
if redis.call('HGET', KEYS[1], 'state') ~= 'running' or redis.call('HGET', KEYS[1], 'worker') ~= ARGV[2] then
  return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'error', ARGV[4], 'lease_until', 0, 'queued_at', ARGV[5],
           'updated', ARGV[5])
redis.call('HINCRBY', KEYS[1], 'attempts', tonumber(ARGV[6]))
redis.call('ZREM', KEYS[3], ARGV[1])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('ZADD', ARGV[7] .. ARGV[3], ARGV[5], ARGV[1])
return 1
"""
_REAP = """
local p, now, stale = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', p .. 'running', '-inf', now)) do
  local key = p .. 'job:' .. id
  redis.call('HSET', key, 'state', 'queued', 'queued_at', now, 'updated', now, 'error', 'lease expired (worker gone)')
  redis.call('ZREM', p .. 'running', id)
  redis.call('ZADD', p .. 'queued', now, id)
  local lock = p .. 'lock:' .. redis.call('HGET', key, 'repo')
  if redis.call('GET', lock) == id then redis.call('DEL', lock) end
  table.insert(out, id)
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', p .. 'queued', '-inf', '(' .. (now - stale))) do
  redis.call('ZADD', p .. 'queued', now, id)
  table.insert(out, id)
end
for _, set in ipairs({'done', 'dropped'}) do
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', p .. set, '-inf', now - tonumber(ARGV[4]))) do
    redis.call('DEL', p .. 'job:' .. id)
    redis.call('ZREM', p .. set, id)
  end
end
return out
"""
_OPERATOR = """
if redis.call('HGET', KEYS[1], 'state') ~= 'dead' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'updated', ARGV[3], 'queued_at', ARGV[3])
if ARGV[2] == 'queued' then redis.call('HSET', KEYS[1], 'attempts', 0, 'claims', 0) end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 1
"""
_INT = ("attempts", "claims")
_FLOAT = ("lease_until", "queued_at", "created", "updated")


def _record(raw: dict[str, str]) -> JobRecord:
    values: dict[str, Any] = dict(raw)
    for k in _INT:
        values[k] = int(values.get(k, 0))
    for k in _FLOAT:
        values[k] = float(values.get(k, 0))
    values["state"] = JobState(values["state"])
    return JobRecord(**values)


class RedisJobTable:
    def __init__(self, url: str, prefix: str = "fixbot:") -> None:
        self.r = redis.Redis.from_url(url, decode_responses=True, socket_timeout=5, socket_connect_timeout=2,
                                      health_check_interval=10)
        self.p = prefix
        self._add, self._claim = self.r.register_script(_ADD), self.r.register_script(_CLAIM)
        self._heartbeat, self._finish = self.r.register_script(_HEARTBEAT), self.r.register_script(_FINISH)
        self._reap, self._operator = self.r.register_script(_REAP), self.r.register_script(_OPERATOR)

    def _job(self, job_id: str) -> str:
        return f"{self.p}job:{job_id}"

    def _lock(self, job_id: str) -> str:
        repo = self.r.hget(self._job(job_id), "repo")
        return f"{self.p}lock:{repo if isinstance(repo, str) else ''}"

    def add(self, rec: JobRecord) -> bool:
        fields = [x for k, v in rec.summary().items() if k != "state" for x in (k, str(v))]
        fields += ["state", rec.state.value, "payload", rec.payload, "lease_until", "0",
                   "queued_at", str(rec.queued_at)]
        keys = [f"{self.p}delivery:{rec.delivery}", self._job(rec.id), f"{self.p}{rec.state.value}"]
        return bool(self._add(keys=keys, args=[rec.id, int(RETENTION), rec.queued_at, *fields]))

    def claim(self, job_id: str, worker: str, lease: float, now: float) -> tuple[Claim, JobRecord | None]:
        keys = [self._job(job_id), self._lock(job_id), f"{self.p}running", f"{self.p}queued"]
        result = Claim(self._claim(keys=keys, args=[job_id, worker, now, lease]))
        return result, self.get(job_id) if result is Claim.claimed else None

    def heartbeat(self, job_id: str, worker: str, lease: float, now: float) -> bool:
        keys = [self._job(job_id), self._lock(job_id), f"{self.p}running"]
        return bool(self._heartbeat(keys=keys, args=[job_id, worker, now, lease]))

    def finish(self, job_id: str, worker: str, state: JobState, error: str = "", at: float = 0.0,
               failed: bool = False) -> bool:
        keys = [self._job(job_id), self._lock(job_id), f"{self.p}running"]
        return bool(self._finish(keys=keys, args=[job_id, worker, state.value, error[:2000], at, int(failed), self.p]))

    def reap(self, now: float, stale: float) -> list[str]:
        return list(self._reap(keys=[], args=[self.p, now, stale, RETENTION]))

    def get(self, job_id: str) -> JobRecord | None:
        raw = self.r.hgetall(self._job(job_id))
        return _record({str(k): str(v) for k, v in raw.items()}) if raw else None

    def list(self, state: JobState | None = None, limit: int = 100) -> list[JobRecord]:
        states = [state] if state else list(JobState)
        ids = [str(i) for s in states for i in self.r.zrange(f"{self.p}{s.value}", 0, limit - 1)]
        rows = [self.get(i) for i in ids]
        return sorted((r for r in rows if r), key=lambda r: r.created)[:limit]

    def counts(self) -> dict[JobState, int]:
        pipe = self.r.pipeline()
        for s in JobState:
            pipe.zcard(f"{self.p}{s.value}")
        return dict(zip(JobState, (int(n) for n in pipe.execute()), strict=True))

    def operator_retry(self, job_id: str, now: float) -> bool:
        return self._op(job_id, JobState.queued, now)

    def operator_drop(self, job_id: str, now: float) -> bool:
        return self._op(job_id, JobState.dropped, now)

    def _op(self, job_id: str, to: JobState, now: float) -> bool:
        keys = [self._job(job_id), f"{self.p}dead", f"{self.p}{to.value}"]
        return bool(self._operator(keys=keys, args=[job_id, to.value, now]))

    def remember_repo(self, full_name: str, repo_id: int | None, installation_id: int | None, now: float) -> None:
        old = self.r.hget(f"{self.p}repos", full_name)
        before = json.loads(old) if isinstance(old, str) else {}
        self.r.hset(f"{self.p}repos", full_name, json.dumps({
            "repo_id": repo_id if repo_id is not None else before.get("repo_id"),
            "installation_id": installation_id if installation_id is not None else before.get("installation_id"),
            "last_seen": now}))

    def known_repos(self) -> builtins.list[tuple[str, int | None, int | None]]:
        rows = self.r.hgetall(f"{self.p}repos")
        out = []
        for name, raw in sorted(rows.items()):
            data = json.loads(raw)
            out.append((str(name), data.get("repo_id"), data.get("installation_id")))
        return out

    def ping(self) -> None:
        self.r.ping()

    def close(self) -> None:
        self.r.close()
