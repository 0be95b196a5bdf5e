"""Bounded memory of delivery ids (`X-GitHub-Delivery`): a redelivery is acknowledged, not redone."""

from __future__ import annotations

import threading
from collections import OrderedDict


class DeliveryLog:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, delivery_id: str) -> bool:
        """Record `delivery_id`; True only the first time it is seen (atomic check-and-add)."""
        with self._lock:
            if delivery_id in self._seen:
                self._seen.move_to_end(delivery_id)
                return False
            self._seen[delivery_id] = None
            if len(self._seen) > self.capacity:
                self._seen.popitem(last=False)
            return True

    def forget(self, delivery_id: str) -> None:
        """Undo `first_time` for a delivery that could not be queued (so its redelivery is handled)."""
        with self._lock:
            self._seen.pop(delivery_id, None)

    def __len__(self) -> int:
        return len(self._seen)
