"""Per-key rate limits with the `limits` library, counted in one SQLite file so that every worker of a server
shares the same budget (the library's own storages are in-process memory or network services)."""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from pathlib import Path

from limits import RateLimitItem, parse
from limits.storage import Storage
from limits.strategies import FixedWindowRateLimiter

from assistant.errors import ConfigError


class SqliteStorage(Storage):
    """Fixed-window counters in SQLite (WAL): `incr` is one atomic upsert, safe across processes."""

    STORAGE_SCHEME = ["assistant+sqlite"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, path: str | Path = "", **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.path = str(path or (uri or "").split("://", 1)[-1])
        self._local = threading.local()
        self._write_lock = threading.Lock()  # threads queue here, not in SQLite's sleeping busy handler
        con = self._con
        con.execute("CREATE TABLE IF NOT EXISTS hits (key TEXT PRIMARY KEY, count INTEGER NOT NULL, "
                    "expires REAL NOT NULL) WITHOUT ROWID")

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                                    check_same_thread=False)
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = OFF")  # counters: losing the last second on a crash is harmless
        return con

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        with self._write_lock:
            return self._incr(key, expiry, amount)

    def _incr(self, key: str, expiry: int, amount: int) -> int:
        now = time.time()
        row = self._con.execute(
            "INSERT INTO hits (key, count, expires) VALUES (?1, ?2, ?3) ON CONFLICT (key) DO UPDATE SET "
            "count = CASE WHEN expires <= ?4 THEN ?2 ELSE count + ?2 END, "
            "expires = CASE WHEN expires <= ?4 THEN ?3 ELSE expires END RETURNING count",
            (key, amount, now + expiry, now)).fetchone()
        return row[0]

    def get(self, key: str) -> int:
        row = self._con.execute("SELECT count FROM hits WHERE key = ? AND expires > ?", (key, time.time())).fetchone()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._con.execute("SELECT expires FROM hits WHERE key = ?", (key,)).fetchone()
        return row[0] if row and row[0] > time.time() else time.time()

    def check(self) -> bool:
        return self._con.execute("SELECT 1").fetchone() == (1,)

    def reset(self) -> int | None:
        return self._con.execute("DELETE FROM hits").rowcount

    def clear(self, key: str) -> None:
        self._con.execute("DELETE FROM hits WHERE key = ?", (key,))


class KeyRateLimit:
    """`hit(key_id)` → None when allowed, else the seconds to wait (for Retry-After)."""

    def __init__(self, notation: str, path: Path):
        try:
            self.item: RateLimitItem = parse(notation)
        except ValueError as e:
            raise ConfigError(f"ASSISTANT_RATE_LIMIT={notation!r} is not a rate limit like '60/minute' ({e})") from e
        self.notation = notation
        self.limiter = FixedWindowRateLimiter(SqliteStorage(path=path))

    def hit(self, key_id: str) -> int | None:
        if self.limiter.hit(self.item, key_id):
            return None
        reset = self.limiter.get_window_stats(self.item, key_id).reset_time
        return max(1, math.ceil(reset - time.time()))
