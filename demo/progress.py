"""A progress bar on stderr: `[#####     ] 4,000/10,000  1,234 products/s`."""

import sys
import time


class Progress:
    def __init__(self, total, stream=None, width=30, every=0.2, unit="products"):
        self.total, self.width, self.every, self.unit = total, width, every, unit
        self.stream = stream or sys.stderr
        self.started = self._shown = time.monotonic()
        self.done = 0
        self._shown_done = -1

    @property
    def rate(self):
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return self.done / elapsed

    def line(self):
        filled = self.width * self.done // max(self.total, 1)
        bar = "#" * filled + " " * (self.width - filled)
        return f"[{bar}] {self.done:,}/{self.total:,}  {self.rate:,.0f} {self.unit}/s"

    def advance(self, n):
        self.done += n
        now = time.monotonic()
        if now - self._shown >= self.every or self.done >= self.total:
            self._shown = now
            self._write()

    def _write(self):
        self._shown_done = self.done
        self.stream.write("\r" + self.line())
        self.stream.flush()

    def finish(self):
        elapsed = time.monotonic() - self.started
        if self._shown_done != self.done:  # the last chunk is not on screen yet
            self._write()
        self.stream.write("\n")
        self.stream.flush()
        return elapsed
