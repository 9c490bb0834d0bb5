# The daily report over a generated order log of 1,000,000 orders (target <= 50 ms); the full
# run (generation included) takes a minute or two.
paydesk_add_bench(bench_daily_report LIBS paydesk_reports Qt6::Sql
    SMOKE_ARGS --orders 20000 --runs 3 --smoke)
