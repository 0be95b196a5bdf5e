"""The durable delivery queue: huey carries job ids, a lease table carries the guarantees.

A webhook delivery is written to the job table (SQLite in the state directory, or Redis) before
the 202; huey (SqliteHuey / RedisHuey, one API) carries the job id to a worker. huey's dequeue
is at-most-once, so the table holds each job's state and a lease a worker keeps alive with
heartbeats: a claim whose lease expired (worker killed) is requeued by any worker's reaper.
"""
