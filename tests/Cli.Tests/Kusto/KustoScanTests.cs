using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>scan, from the Kusto documentation's examples (its scan logic, step by step) and edge cases.</summary>
public sealed class KustoScanTests
{
    private const string CumulativeSum = """
        range x from 1 to 5 step 1
        | scan declare (cumulative_x:long=0) with
        (
            step s1: true => cumulative_x = x + s1.cumulative_x;
        )
        """;
    private const string CumulativeReset = """
        range x from 1 to 5 step 1
        | extend y = 2 * x
        | scan declare (cumulative_x:long=0, cumulative_y:long=0) with
        (
            step s1: true => cumulative_x = iff(s1.cumulative_x >= 10, x, x + s1.cumulative_x),
                             cumulative_y = iff(s1.cumulative_y >= 10, y, y + s1.cumulative_y);
        )
        """;
    private const string FillForward = """
        datatable (Ts: timespan, Event: string) [0m, "A", 1m, "", 2m, "B", 3m, "", 6m, "C", 8m, ""]
        | sort by Ts asc
        | scan declare (Event_filled: string="") with
        (
            step s1: true => Event_filled = iff(isempty(Event), s1.Event_filled, Event);
        )
        """;
    private const string Sessions = """
        datatable (Ts: timespan, Event: string) [0m, "A", 1m, "A", 2m, "B", 3m, "D", 32m, "B", 36m, "C", 38m, "D", 41m, "E", 75m, "A"]
        | sort by Ts asc
        | scan with_match_id=session_id declare (sessionStart: timespan) with
        (
            step inSession: true => sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart);
            step endSession output=none: Ts - inSession.sessionStart > 30m;
        )
        """;
    private const string StartStop = """
        datatable (Ts: timespan, Event: string) [0m, "A", 1m, "Start", 2m, "B", 3m, "D", 4m, "Stop", 6m, "C", 8m, "Start", 11m, "E", 12m, "Stop"]
        | sort by Ts asc
        | scan with_match_id=m_id with
        (
            step s1: Event == "Start";
            step s2: Event != "Start" and Event != "Stop" and Ts - s1.Ts <= 5m;
            step s3: Event == "Stop" and Ts - s1.Ts <= 5m;
        )
        """;
    private const string PerUser = """
        datatable(Timestamp:datetime, userID:int, EventType:string)
        [
            datetime(2024-05-28 08:15:23), 1, "login",
            datetime(2024-05-28 08:30:15), 2, "login",
            datetime(2024-05-28 12:30:45), 1, "logout",
            datetime(2024-05-28 11:45:32), 2, "logout"
        ]
        | partition hint.strategy=native by userID (
            sort by Timestamp asc
            | scan declare (start: datetime, end: datetime, sessionDuration: timespan) with (
                step s1 output=none: EventType == "login" => start = Timestamp;
                step s2 output=all: EventType == "logout" => start = s1.start, end = Timestamp, sessionDuration = Timestamp - s1.start;
            )
        )
        | project userID, sessionDuration
        """;
    private const string LastOutput = "range x from 1 to 3 step 1 | scan with (step s1 output=last: true;)";

    private static readonly KustoQueryBatch Queries = new(CumulativeSum, CumulativeReset, FillForward, Sessions, StartStop, PerUser, LastOutput);

    [Fact]
    public void A_single_step_reads_its_own_state_starting_from_the_declared_default()
    {
        Assert.Equal(["x", "cumulative_x"], Queries.Columns(CumulativeSum));
        Assert.Equal(["1 | 1", "2 | 3", "3 | 6", "4 | 10", "5 | 15"], Queries.Rows(CumulativeSum));
        Assert.Equal(["1 | 2 | 1 | 2", "2 | 4 | 3 | 6", "3 | 6 | 6 | 12", "4 | 8 | 10 | 8", "5 | 10 | 5 | 18"], Queries.Rows(CumulativeReset));
        Assert.Equal(["00:00:00 | A | A", "00:01:00 |  | A", "00:02:00 | B | B", "00:03:00 |  | B", "00:06:00 | C | C", "00:08:00 |  | C"], Queries.Rows(FillForward));
    }

    [Fact]
    public void A_later_step_ends_a_sequence_so_the_first_starts_a_new_match()
    {
        Assert.Equal(["Ts", "Event", "sessionStart", "session_id"], Queries.Columns(Sessions));
        Assert.Equal(
        [
            "00:00:00 | A | 00:00:00 | 0", "00:01:00 | A | 00:00:00 | 0", "00:02:00 | B | 00:00:00 | 0", "00:03:00 | D | 00:00:00 | 0",
            "00:32:00 | B | 00:32:00 | 1", "00:36:00 | C | 00:32:00 | 1", "00:38:00 | D | 00:32:00 | 1", "00:41:00 | E | 00:32:00 | 1", "01:15:00 | A | 01:15:00 | 2",
        ], Queries.Rows(Sessions));
    }

    [Fact]
    public void Steps_promote_the_sequence_and_conditions_read_earlier_steps()
        => Assert.Equal(
            ["00:01:00 | Start | 0", "00:02:00 | B | 0", "00:03:00 | D | 0", "00:04:00 | Stop | 0", "00:08:00 | Start | 1", "00:11:00 | E | 1", "00:12:00 | Stop | 1"],
            Queries.Rows(StartStop));

    [Fact]
    public void Scan_inside_partition_pairs_each_users_login_and_logout()
        => Assert.Equal(["1 | 04:15:22", "2 | 03:15:17"], Queries.Rows(PerUser).Order(StringComparer.Ordinal));

    [Fact]
    public void Output_last_is_reported_not_run()
        => Assert.Contains(Queries.Diagnostics(LastOutput), d => d.StartsWith("AR0353 A scan step with output=last", StringComparison.Ordinal));
}
