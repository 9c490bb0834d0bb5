#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "gateway/iotpay/IotPayName.h"
#include "money/Channel.h"
#include "money/Money.h"
#include "orders/Refund.h"
#include "orders/Staff.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace paydesk {

// design.md "A sale, step by step". PAID is final and wins over everything; EXPIRED, CANCELLED
// and FAILED are closed but a payment confirmed afterwards still moves them to PAID (late).
enum class OrderState {
    Invalid = 0,
    New,
    Creating,
    Unknown, // create_order outcome not known (timeout, 5xx, reset, garbage)
    Awaiting, // QR shown, waiting for the customer
    Expired,
    Cancelled,
    Failed,
    Paid,
};

QString orderStateName(OrderState state); // "NEW", "AWAITING", ...
OrderState orderStateFromName(QStringView name); // Invalid for anything else
bool isClosedState(OrderState state); // Expired, Cancelled, Failed, Paid
bool isOpenState(OrderState state); // New, Creating, Unknown, Awaiting
// The transition table: forward only; X -> Paid from every state but Paid.
bool isTransitionAllowed(OrderState from, OrderState to);

enum class OrderSource {
    Invalid = 0,
    Counter,
    MiniProgram,
    App
};
QString orderSourceName(OrderSource source); // "counter", "miniprogram", "app"
OrderSource orderSourceFromName(QStringView name);

struct Order
{
    qint64 id = 0;
    QString mchOrderNo;
    QString terminalId;
    QString cashier;
    Channel channel = Channel::Invalid;
    Money amount;
    OrderState state = OrderState::Invalid;
    bool late = false; // paid after it was expired/cancelled/failed
    OrderSource source = OrderSource::Invalid;
    QString gateway; // a registered gateway's name (default iotpay::Name)
    QString subject;
    QString payOrderId;
    QString channelOrderNo;
    QString qrPayload;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 paidAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 refundedMinor = 0;
    QString lastError;
    QString clientReference; // an online order's clientOrderRef; empty for the counter's
    QString storeId; // the store of its terminal's registration; empty for a single counter
};

struct OrderEvent
{
    qint64 id = 0;
    qint64 orderId = 0;
    qint64 atMs = 0;
    QString kind; // "created", "transition", "gateway", "notify", "refund", ...
    OrderState fromState = OrderState::Invalid;
    OrderState toState = OrderState::Invalid;
    QString actor; // "sale", "relay", "query", "reconciler", "manager", ...
    QString detail;
};

// An event worth a manager's look (e.g. a contradiction) and the order it is about.
struct OrderNotice
{
    QString mchOrderNo;
    OrderEvent event;
};

struct NewOrder
{
    QString terminalId; // [A-Za-z0-9]{1,8}
    QString cashier;
    Channel channel = Channel::Invalid;
    Money amount;
    OrderSource source = OrderSource::Counter;
    QString gateway = iotpay::Name.toString();
    QString subject;
    qint64 expiresAtMs = 0;
    QString clientReference; // the API caller's own order id (online orders), or empty
    // With a client reference and this > 0: one order per reference. An order with the same
    // reference created at or after this time refuses the new one (Duplicate); the look-up and
    // the insert are one transaction under a database lock, so this holds across processes.
    qint64 clientReferenceSinceUtcMs = 0;
    // The order's store; empty: the store its terminal is registered in (registerTerminal), or
    // none when it is not registered (a single counter).
    QString storeId;
};

// Optional data a transition records on the row (empty values leave the column unchanged).
struct TransitionDetails
{
    QString actor;
    QString reason;
    QString payOrderId;
    QString qrPayload;
    QString channelOrderNo;
    qint64 paidAtMs = 0;
    qint64 expiresAtMs = 0;
    QString error; // stored in last_error
};

struct TransitionOutcome
{
    OrderState previous = OrderState::Invalid;
    OrderState current = OrderState::Invalid;
    bool changed = false; // false: the row already was in `to` (idempotent repeat)
    bool late = false;
};

// A payment confirmed by the gateway (a verified notify or a query_order answer).
// An event an order gets within another change's transaction.
struct EventNote
{
    QString kind;
    QString detail;
};

struct PaymentConfirmation
{
    QString mchOrderNo;
    QString payOrderId;
    Money amount;
    QString channelOrderNo;
    qint64 paidAtMs = 0;
    QString actor; // "relay", "query", "reconciler"
    // Recorded in the confirming transaction when the payment is applied (the gateway's own
    // payment time): one commit per payment, and never a payment without them.
    QList<EventNote> eventsWhenApplied;
};

enum class ConfirmVerdict {
    Invalid = 0,
    Applied, // moved to PAID now (late when it was closed)
    AlreadyPaid, // repeat: nothing changed
    UnknownOrder, // no such mchOrderNo (yet)
    AmountMismatch,
    CurrencyMismatch,
};
QString confirmVerdictName(ConfirmVerdict verdict);

struct ConfirmOutcome
{
    ConfirmVerdict verdict = ConfirmVerdict::Invalid;
    std::optional<Order> order; // the row after the confirmation, when it exists
    bool late = false;
};

// One received notification, whatever became of it (the audit record). `raw` is capped.
struct NotificationRecord
{
    qint64 id = 0;
    qint64 receivedAtMs = 0;
    QString gateway = iotpay::Name.toString();
    QString verdict; // "accepted", "duplicate", "rejected", "unmatched"
    QString reason;
    QString mchOrderNo;
    QString payOrderId;
    QString remoteAddress;
    QByteArray raw;
};

inline constexpr qsizetype MaxRecordedBytes = 8 * 1024;

// A manager action that is not tied to one order: "export", "report", "settings", "pin_failure",
// "reconcile", ... (refunds are recorded on their order's events as well).
struct AuditEvent
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString kind;
    QString actor;
    QString detail;
};

inline constexpr qsizetype MaxAuditDetailLength = 2000;

// The daily report's aggregates (core/reports shapes them). Orders of a range grouped by
// time bucket (whole `bucketMs` since the range start), state, channel, currency, late, source.
struct OrderGroupRow
{
    qint64 bucket = 0;
    OrderState state = OrderState::Invalid;
    Channel channel = Channel::Invalid;
    Currency currency = Currency::Invalid;
    bool late = false;
    OrderSource source = OrderSource::Invalid;
    int count = 0;
    qint64 sumMinor = 0; // of amount_minor
};

// Orders of a range by store, terminal, currency and state.
struct PlaceGroupRow
{
    QString storeId;
    QString terminalId;
    Currency currency = Currency::Invalid;
    OrderState state = OrderState::Invalid;
    int count = 0;
    qint64 sumMinor = 0;
};

// Refunds requested in a range by their order's channel and source, currency and state.
struct RefundGroupRow
{
    Channel channel = Channel::Invalid;
    Currency currency = Currency::Invalid;
    RefundState state = RefundState::Invalid;
    OrderSource source = OrderSource::Invalid;
    int count = 0;
    qint64 sumMinor = 0;
    QString storeId; // of the refunded order
    QString terminalId;
};

// Paid orders created in a range and the refunds that succeeded in it, by the order's cashier
// and currency (a refund counts against the sale it gives money back for).
struct CashierGroupRow
{
    QString cashier;
    Currency currency = Currency::Invalid;
    int paidCount = 0;
    qint64 grossMinor = 0;
    int refundCount = 0;
    qint64 refundsMinor = 0;
};

struct VerdictCount
{
    QString verdict; // NotificationRecord::verdict
    int count = 0;
};

// A store id (design.md "Storage backends"): empty (a single counter, no store) or 1 to 8 ASCII
// letters or digits. InvalidArgument otherwise.
Result<void> checkStoreId(const QString &storeId);

// Which orders a report read counts: the chain (both empty), one store, one terminal, or one
// terminal of one store. Empty fields do not narrow.
struct ReportScope
{
    QString storeId;
    QString terminalId;

    bool isChain() const { return storeId.isEmpty() && terminalId.isEmpty(); }
};

// A terminal id registered in the store's database by the install that uses it: terminal ids
// are unique across the database (a chain's), so the order numbers that start with them are too.
struct TerminalRegistration
{
    QString terminalId; // [A-Za-z0-9]{1,8}
    QString storeId; // checkStoreId
    QString instanceId; // the install's own identity (a UUID kept in its settings)
    qint64 registeredAtMs = 0;
    qint64 lastSeenMs = 0;
};

// Counts and sums per currency of an order log's history, or of the rows one import copied:
// what `paydeskctl store import` prints before and after, equal to the cent.
struct CurrencyHistoryTotals
{
    Currency currency = Currency::Invalid;
    qint64 orders = 0;
    qint64 ordersMinor = 0; // every order's amount
    qint64 paidOrders = 0;
    qint64 paidMinor = 0;
    qint64 refundedMinor = 0; // orders' refunded_minor
    qint64 refunds = 0;
    qint64 refundsMinor = 0; // every refund row's amount

    bool operator==(const CurrencyHistoryTotals &) const = default;
};

struct HistoryTotals
{
    QList<CurrencyHistoryTotals> currencies; // by currency code
    qint64 orders = 0;
    qint64 events = 0;
    qint64 gatewayMessages = 0;
    qint64 refunds = 0;
    qint64 notifications = 0;
    qint64 audit = 0;
    qint64 staff = 0;

    bool operator==(const HistoryTotals &) const = default;
};

// An order or refund imported before whose row in the store differs from the source's now and
// was kept as the store has it (importHistory's rule): the store's row is later in its life
// (changed in the store since the import), or neither is (a conflict, to be looked at by hand).
struct ImportDifference
{
    QString table; // "orders" or "refunds"
    QString number; // mch_order_no or mch_refund_no
    QString storeState;
    QString sourceState;
    qint64 storeRefundedMinor = 0; // orders only
    qint64 sourceRefundedMinor = 0;
    qint64 storeUpdatedAtMs = 0;
    qint64 sourceUpdatedAtMs = 0;
    bool conflict = false; // false: the store's row is later; true: neither row is
};

// What one `store import` did: the source snapshot's totals (before), the totals of everything
// this source has put into the store (after: equal to `expected` once complete), the rows
// copied by this run (all zero when it ran before), and the rows imported before that this run
// brought up to the source's current values or kept as the store has them.
struct ImportReport
{
    QString sourceId; // the source history's identity (a digest of its first rows)
    int sourceSchemaVersion = 0; // before the copy was migrated
    HistoryTotals source;
    HistoryTotals imported;
    // `source` with the rows in `kept` counted as the store has them: what `imported` must equal.
    HistoryTotals expected;
    HistoryTotals copiedNow; // counts only (currencies empty)
    qint64 staffSkipped = 0; // accounts whose name the store already had (kept as they are)
    qint64 ordersUpdated = 0; // imported before, brought up to the source's row by this run
    qint64 refundsUpdated = 0;
    QList<ImportDifference> kept; // imported before, differing, left as the store has them
};

struct ImportOptions
{
    QString storeId; // stamped on the imported orders (checkStoreId); empty: as in the source
};

struct OrderFilter; // orders/OrderFilter.h
struct OrderSlice;
class PaymentWatch; // orders/PaymentWatch.h

// The order log: one SQLite file (WAL, synchronous=FULL, busy_timeout, BEGIN IMMEDIATE for
// every write), shared by the GUI and the relay, safe with several processes writing at once.
// One instance per thread: it owns a Qt SQL connection that belongs to the opening thread.
// The only place with SQL (design.md): other modules ask for what they need through the
// typed reads below.
class OrderLog
{
public:
    struct Options
    {
        bool readOnly = false;
        int busyTimeoutMs = 10'000;
        bool create = true; // create the file and schema if missing
    };

    // `path` is the store URL: a SQLite file path (or a file: URL), or a PostgreSQL database
    // (postgresql://[user@]host[:port]/dbname?libpq-option=value&..., never with a password).
    // Any other URL, or a malformed one, is refused with InvalidArgument.
    static Result<std::unique_ptr<OrderLog>> open(const QString &path, const Clock &clock, const Options &options);
    static Result<std::unique_ptr<OrderLog>> open(const QString &path, const Clock &clock);
    ~OrderLog();

    OrderLog(const OrderLog &) = delete;
    OrderLog &operator=(const OrderLog &) = delete;

    QString path() const; // the file the log opened (a file: URL resolved); for PostgreSQL a display form
    int schemaVersion() const;
    static int currentSchemaVersion();
    // A store's (or chain's) database that several installs share (PostgreSQL), rather than one
    // counter's own file, which only that counter's programs open.
    bool isSharedStore() const;

    // Mints a unique mchOrderNo (terminal id + UTC time + persisted sequence, <= 30 chars,
    // [A-Za-z0-9]) and writes the NEW row and its event in one transaction.
    Result<Order> createOrder(const NewOrder &order);

    Result<Order> orderById(qint64 id) const;
    Result<Order> orderByMchOrderNo(const QString &mchOrderNo) const;

    // Checked against isTransitionAllowed inside BEGIN IMMEDIATE with a conditional UPDATE, so
    // two processes racing cannot move a row backwards. Repeating the current state is a
    // no-op success (changed = false); a disallowed move is TransitionRejected.
    Result<TransitionOutcome> transition(qint64 orderId, OrderState to, const TransitionDetails &details);

    // One transaction: find the order, compare amount and currency, move to PAID (late when it
    // was closed), write the event and — when given — the audit row with the resulting verdict.
    Result<ConfirmOutcome> confirmPayment(const PaymentConfirmation &confirmation,
                                          const std::optional<NotificationRecord> &audit = std::nullopt);

    // Audit rows for notifications that were not applied (rejected, unmatched).
    Result<qint64> recordNotification(const NotificationRecord &record);
    Result<QList<NotificationRecord>> notificationsBetween(qint64 fromUtcMs, qint64 toUtcMs) const;

    // Raw request/response bodies exchanged with the gateway for an order (capped).
    Result<void> recordGatewayMessage(qint64 orderId, const QString &endpoint, const QString &direction,
                                      const QByteArray &body);
    Result<void> recordEvent(qint64 orderId, const QString &kind, const QString &actor, const QString &detail);

    Result<QList<OrderEvent>> events(qint64 orderId) const;
    // The events of these kinds on the orders created in [from, to), oldest first, with their
    // order's number (the manager's alerts; EventQueries.cpp). The events carry no states.
    Result<QList<OrderNotice>> noticesForOrdersCreatedBetween(const QStringList &kinds, qint64 fromUtcMs,
                                                              qint64 toUtcMs, const ReportScope &scope = {}) const;

    // The audit trail (append-only, like events). InvalidArgument for an empty kind; a detail
    // longer than MaxAuditDetailLength is cut. Read back by time, oldest first, at most `limit`.
    Result<qint64> recordAuditEvent(const QString &kind, const QString &actor, const QString &detail);
    Result<QList<AuditEvent>> auditEventsBetween(qint64 fromUtcMs, qint64 toUtcMs, int limit = 1000) const;
    // The open orders created at or after `sinceUtcMs`; with a store id only that store's (a
    // chain's relay reconciles its own store's orders), all when empty.
    Result<QList<Order>> openOrdersSince(qint64 sinceUtcMs, const QString &storeId = {}) const;
    Result<QList<Order>> ordersBetween(qint64 fromUtcMs, qint64 toUtcMs) const;
    // The newest order created at or after `sinceUtcMs` with this client reference; NotFound
    // when there is none (InvalidArgument for an empty reference).
    Result<Order> orderByClientReference(const QString &clientReference, qint64 sinceUtcMs) const;

    // The manager list and exports (OrderFilter.h): the orders `filter` selects, in the slice's
    // order and bounds, and how many there are. InvalidArgument for an invalid filter or slice.
    Result<QList<Order>> filteredOrders(const OrderFilter &filter, const OrderSlice &slice) const;
    Result<qint64> countFilteredOrders(const OrderFilter &filter) const;

    // The daily report's reads (ReportQueries.cpp), each over created_at_ms (received_at_ms for
    // notifications) in [fromUtcMs, toUtcMs), of the orders in `scope` (refunds: of their order's
    // store and terminal). Notifications are the database's (an unmatched one has no order).
    Result<QList<OrderGroupRow>> orderGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs, qint64 bucketMs,
                                                    const ReportScope &scope = {}) const;
    Result<QList<PlaceGroupRow>> placeGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs,
                                                    const ReportScope &scope = {}) const;
    Result<QList<RefundGroupRow>> refundGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs,
                                                      const ReportScope &scope = {}) const;
    // By cashier, then currency; a cashier with only refunds in the range has a row too.
    Result<QList<CashierGroupRow>> cashierGroupsBetween(qint64 fromUtcMs, qint64 toUtcMs,
                                                        const ReportScope &scope = {}) const;
    // Late payments and open (NEW, CREATING, UNKNOWN, AWAITING) orders, oldest first.
    Result<QList<Order>> lateOrOpenOrdersBetween(qint64 fromUtcMs, qint64 toUtcMs, const ReportScope &scope = {}) const;
    Result<QList<VerdictCount>> notificationVerdictCounts(qint64 fromUtcMs, qint64 toUtcMs) const;
    // At most `limit` notifications with one of `verdicts`, oldest first, without the raw body.
    Result<QList<NotificationRecord>> notificationsWithVerdicts(qint64 fromUtcMs, qint64 toUtcMs,
                                                                const QStringList &verdicts, int limit) const;

    // Refunds (Refunds.cpp). beginRefund checks, inside BEGIN IMMEDIATE, that the order is PAID
    // and that amountMinor <= paid - refunded - in flight, mints the refund number and writes
    // the PENDING row and a "refund" event: two connections racing cannot exceed the paid
    // amount. Errors: NotFound, TransitionRejected (not PAID), AmountZero/AmountNegative,
    // AmountTooLarge (over the balance), InvalidArgument (reason, requester).
    Result<Refund> beginRefund(const NewRefund &refund);
    // Moves a refund along isRefundTransitionAllowed (repeating its state is a no-op), with a
    // "refund" event; SUCCEEDED adds the amount to the order's refunded_minor in the same
    // transaction. TransitionRejected for a disallowed move.
    Result<Refund> finishRefund(qint64 refundId, const RefundFinish &finish);
    Result<Refund> refundById(qint64 refundId) const;
    Result<Refund> refundByNo(const QString &mchRefundNo) const;
    Result<QList<Refund>> refundsOfOrder(qint64 orderId) const;
    // PENDING and UNKNOWN, oldest first; of the orders in `scope`.
    Result<QList<Refund>> unresolvedRefunds(const ReportScope &scope = {}) const;
    Result<RefundBalance> refundBalance(qint64 orderId) const;

    // Staff accounts (StaffQueries.cpp; the rules are core/staff's). createStaffAccount:
    // Duplicate for a name already taken, InvalidArgument for an empty name, an invalid role or
    // no verifier. The others: NotFound for no such account.
    Result<StaffAccount> createStaffAccount(const NewStaffAccount &account);
    Result<StaffAccount> staffAccountByName(const QString &name) const;
    Result<QList<StaffAccount>> staffAccounts() const; // by name
    Result<qint64> countStaffAccounts(StaffRole role) const; // enabled ones of the role
    Result<StaffAccount> setStaffPinVerifier(qint64 id, const QString &pinVerifier); // clears the lock-out
    Result<StaffAccount> setStaffDisabled(qint64 id, bool disabled);
    Result<StaffAccount> setStaffLockout(qint64 id, int failedAttempts, qint64 lockedUntilUtcMs);
    // One wrong PIN, counted in one statement (UPDATE ... RETURNING) so that terminals failing at
    // once never lose a count: unless the account is locked at `nowUtcMs`, failed_attempts + 1
    // (1 after a lock that has run out) and, at `maxFailures`, a lock until nowUtcMs + lockoutMs.
    Result<StaffFailureCount> countStaffFailure(qint64 id, qint64 nowUtcMs, int maxFailures, qint64 lockoutMs);

    // Chain-wide identity (Chain.cpp). registerTerminal records `terminal.terminalId` for
    // `terminal.instanceId` in `terminal.storeId` (registered_at and last_seen now), or, when
    // this install registered it before, updates its store and last_seen. TerminalTaken when
    // another install holds the id; InvalidArgument for a malformed id, store or empty instance.
    Result<TerminalRegistration> registerTerminal(const TerminalRegistration &terminal);
    Result<QList<TerminalRegistration>> terminals() const; // by terminal id
    // Frees a terminal id (a counter replaced): NotFound when it is not registered.
    Result<void> releaseTerminal(const QString &terminalId);

    // Moving in (Import.cpp): copies the whole history of the terminal's SQLite order log at
    // `sourcePath` into this log, from a snapshot of it (VACUUM INTO a temporary copy, which is
    // migrated to this build's schema; the source is opened read-only and never changed), in one
    // write transaction. Rows this source has put here before are not copied again (import_map),
    // so a second run doubles nothing; the orders and refunds among them whose row has moved on
    // in the source since (paid, refunded, closed...) are brought up to the source's row unless
    // the store's row is the later one (ImportDifference, ImportReport::kept). Append-only tables
    // only receive INSERTs. The per-terminal order number sequences are raised to the source's.
    // StoreFailure when an order number of the source is already here from elsewhere.
    Result<ImportReport> importHistory(const QString &sourcePath, const ImportOptions &options);
    // This log's totals (every row).
    Result<HistoryTotals> historyTotals() const;

    // PRAGMA data_version: changes whenever another connection commits. Cheap to poll.
    Result<qint64> dataVersion() const;

    // Store mode (design.md "Storage backends"). Payments pushed (PaymentWatch.h): made on the
    // first call, subscribed, owned by the order log; null where the backend pushes nothing
    // (SQLite: poll dataVersion()).
    PaymentWatch *watchPayments();
    // Whether the connection is usable now; a lost one is opened again first (outside a
    // transaction, with back-off). Always true on SQLite.
    bool isConnected();
    // A claim on one order for as long as this connection holds it (a relay's reconciler asking
    // the gateway about it): false when another connection has it. Always granted on SQLite.
    Result<bool> tryClaimOrder(qint64 orderId);
    void releaseOrder(qint64 orderId);
    Result<QString> integrityCheck() const; // "ok" when healthy
    Result<void> checkWritable(); // takes and releases the write lock

private:
    struct Private;
    explicit OrderLog(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace paydesk
