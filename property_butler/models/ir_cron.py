from typing import Any, NamedTuple

from odoo import api, models


class CronBatch(NamedTuple):
    """What one batch of a scheduled job did (see ``ir.cron._property_run_batches``)."""

    records: Any  # what the batch made or handled (records; joined with | over the batches)
    done: int  # the items it handled
    remaining: int  # the items left after it
    cursor: Any = None  # where the next batch starts (JSON), for jobs whose to-do list stays


class IrCron(models.Model):
    _inherit = "ir.cron"

    @api.model
    def _property_run_batches(self, run_batch):
        """Run a scheduled job of the product the one way: Odoo 18's progress protocol.

        ``run_batch(cursor)`` does one bounded batch of the job and returns a ``CronBatch``. A
        job whose to-do list shrinks as it works (cases to move, rounds to close) ignores the
        cursor; a job that goes over the same records every run (plans to plan ahead, contacts
        to bill) pages through them by id: it starts after ``cursor`` (None: from the start)
        and returns where it stopped. Idempotence is the job's own (locks, unique indexes).

        - Run by the scheduler (a progress record in the context): one batch per call. The
          scheduler commits it and calls again while something remains (ten times in a row,
          then again as soon as the other jobs had their turn); the cursor is kept on the
          call's progress record for the next call.
        - Run Manually (a progress record, no scheduler): one batch, the scheduler does the rest.
        - Anywhere else (wizards, tests, the demo, scripts): every batch, one after the other,
          in the caller's transaction, which commits (or rolls back) as a whole.

        Returns the records of the batch, or of every batch."""
        progress_id = self.env.context.get("ir_cron_progress_id")
        if not progress_id:
            records, cursor = None, None
            while True:
                batch = run_batch(cursor)
                records = batch.records if records is None else records | batch.records
                if not batch.done or not batch.remaining:
                    return records
                cursor = batch.cursor
        Progress = self.env["ir.cron.progress"].sudo()
        progress = Progress.browse(progress_id)
        previous = Progress.search(
            [("cron_id", "=", progress.cron_id.id), ("id", "<", progress.id)],
            order="id desc",
            limit=1,
        )
        batch = run_batch(previous.property_cursor or None)
        self._notify_progress(done=batch.done, remaining=batch.remaining)
        if batch.done and batch.remaining:
            progress.property_cursor = batch.cursor
            if not self.env.context.get("cron_id"):
                progress.cron_id._trigger()
        return batch.records
