-- CreateTable
CREATE TABLE "ReportMonthCache" (
    "scopeKey" TEXT NOT NULL,
    "scan" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3) NOT NULL,
    "rows" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportMonthCache_pkey" PRIMARY KEY ("scopeKey","scan","from")
);

-- CreateIndex
CREATE INDEX "ReportMonthCache_to_idx" ON "ReportMonthCache"("to");

-- Hand-written: the rules below are not expressible in schema.prisma.

-- A cached month holds figures that a change to a case can alter. The triggers below forget the
-- cached months (of every scope) that a change falls in: a date that moved counts in the month it
-- left and the month it reached; a case that changed unit, category, kind, channel, area or receipt
-- date counts differently in every month from its receipt on (its intake, decision, reply, events
-- and rating all fall on or after that day). Changes to this month's cases find nothing to forget:
-- a month is cached only once it has ended.
CREATE FUNCTION forget_report_months_from(since timestamptz) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ReportMonthCache" WHERE "to" > since;
$$;

CREATE FUNCTION forget_report_months_at(instants timestamptz[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ReportMonthCache" m
  WHERE EXISTS (SELECT 1 FROM unnest(instants) AS i(at) WHERE i.at >= m."from" AND i.at < m."to");
$$;

CREATE FUNCTION case_forgets_report_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM forget_report_months_from(OLD."receivedAt");
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM forget_report_months_from(NEW."receivedAt");
  ELSIF (OLD."receivedAt", OLD."unitId", OLD."categoryId", OLD."kind", OLD."channel", OLD."area")
        IS DISTINCT FROM (NEW."receivedAt", NEW."unitId", NEW."categoryId", NEW."kind", NEW."channel", NEW."area") THEN
    PERFORM forget_report_months_from(LEAST(OLD."receivedAt", NEW."receivedAt"));
  ELSE
    -- The status, the closing date, when a response target was met, the decline reason (counted at
    -- the decision) and the follow-up answer only decide how what is due or done at these dates counts.
    PERFORM forget_report_months_at(ARRAY[OLD."decidedAt", NEW."decidedAt", OLD."acceptDueAt", NEW."acceptDueAt",
                                          OLD."repliedAt", NEW."repliedAt", OLD."replyDueAt", NEW."replyDueAt",
                                          OLD."responseDueAt", NEW."responseDueAt", OLD."progressDueAt", NEW."progressDueAt",
                                          OLD."resultDueAt", NEW."resultDueAt", OLD."checkInAnsweredAt", NEW."checkInAnsweredAt"]);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Case_forgets_report_months_on_insert_or_delete"
  AFTER INSERT OR DELETE ON "Case"
  FOR EACH ROW EXECUTE FUNCTION case_forgets_report_months();

-- Only the columns the cached scans read (report-queries.server.ts); a change of any other column
-- (the search index, the next due date) leaves the figures as they were.
CREATE TRIGGER "Case_forgets_report_months_on_update"
  AFTER UPDATE ON "Case"
  FOR EACH ROW
  WHEN ((OLD."receivedAt", OLD."decidedAt", OLD."acceptDueAt", OLD."repliedAt", OLD."replyDueAt", OLD."closedAt", OLD."status",
         OLD."unitId", OLD."categoryId", OLD."kind", OLD."channel", OLD."area", OLD."responseDueAt", OLD."respondedAt",
         OLD."progressDueAt", OLD."progressAt", OLD."resultDueAt", OLD."resultAt", OLD."declineReason", OLD."checkInAnswer",
         OLD."checkInAnsweredAt")
        IS DISTINCT FROM
        (NEW."receivedAt", NEW."decidedAt", NEW."acceptDueAt", NEW."repliedAt", NEW."replyDueAt", NEW."closedAt", NEW."status",
         NEW."unitId", NEW."categoryId", NEW."kind", NEW."channel", NEW."area", NEW."responseDueAt", NEW."respondedAt",
         NEW."progressDueAt", NEW."progressAt", NEW."resultDueAt", NEW."resultAt", NEW."declineReason", NEW."checkInAnswer",
         NEW."checkInAnsweredAt"))
  EXECUTE FUNCTION case_forgets_report_months();

-- Events, ratings, claims and completion reports count at a time of their own: the column named
-- by the trigger's argument (createdAt, answeredAt, decidedAt).
CREATE FUNCTION row_forgets_its_report_month() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  column_name text := TG_ARGV[0];
BEGIN
  PERFORM forget_report_months_at(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> column_name)::timestamptz END,
    CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> column_name)::timestamptz END]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CaseEvent_forgets_report_months"
  AFTER INSERT ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION row_forgets_its_report_month('createdAt');

CREATE TRIGGER "SatisfactionRating_forgets_report_months"
  AFTER INSERT OR UPDATE OR DELETE ON "SatisfactionRating"
  FOR EACH ROW EXECUTE FUNCTION row_forgets_its_report_month('createdAt');

CREATE TRIGGER "CaseClaim_forgets_report_months"
  AFTER INSERT OR UPDATE OR DELETE ON "CaseClaim"
  FOR EACH ROW EXECUTE FUNCTION row_forgets_its_report_month('answeredAt');

CREATE TRIGGER "CompletionReport_forgets_report_months"
  AFTER INSERT OR UPDATE OR DELETE ON "CompletionReport"
  FOR EACH ROW EXECUTE FUNCTION row_forgets_its_report_month('decidedAt');

-- Who a report accuses, and who withdrew from a case, decide which readers count it, in every
-- month of the case.
CREATE FUNCTION case_reader_forgets_report_months() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  received timestamptz;
BEGIN
  SELECT "receivedAt" INTO received FROM "Case"
  WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."caseId" ELSE NEW."caseId" END;
  -- A row deleted with its case: the case's own trigger forgot its months.
  IF received IS NOT NULL THEN
    PERFORM forget_report_months_from(received);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ReportedParty_forgets_report_months"
  AFTER INSERT OR UPDATE OR DELETE ON "ReportedParty"
  FOR EACH ROW EXECUTE FUNCTION case_reader_forgets_report_months();

CREATE TRIGGER "Recusal_forgets_report_months"
  AFTER INSERT OR UPDATE OR DELETE ON "Recusal"
  FOR EACH ROW EXECUTE FUNCTION case_reader_forgets_report_months();
