#include "RefundDialog.h"

#include "ChannelStyle.h"
#include "ErrorText.h"
#include "ManagerText.h"
#include "NamedWidget.h"

#include "orders/Refund.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <limits>

namespace paydesk {

RefundDialog::RefundDialog(OrderLog &orderLog, RefundService &refunds, const Order &order, Requester manager,
                           QWidget *parent)
    : QDialog(parent), m_orderLog(orderLog), m_refunds(refunds), m_order(order), m_manager(std::move(manager))
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Refund order %1").arg(order.mchOrderNo));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(
        tr("Order %1 — %2 with %3").arg(order.mchOrderNo, moneyText(order.amount), channelDisplayName(order.channel)),
        this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    m_balance = namedWidget<QLabel>(QStringLiteral("refundBalance"), this);
    m_balance->setWordWrap(true);
    layout->addWidget(m_balance);

    auto *form = new QFormLayout;
    m_full = namedWidget<QRadioButton>(QStringLiteral("fullRefundRadio"), this);
    m_partial = new QRadioButton(tr("Part of it:"), this);
    m_partial->setObjectName(QStringLiteral("partialRefundRadio"));
    m_amount = namedWidget<QLineEdit>(QStringLiteral("refundAmountEdit"), this);
    m_amount->setPlaceholderText(tr("amount, e.g. 5.00"));
    m_reason = namedWidget<QLineEdit>(QStringLiteral("refundReasonEdit"), this);
    m_reason->setMaxLength(int(MaxRefundReasonLength));
    m_reason->setPlaceholderText(tr("required, e.g. item returned"));
    form->addRow(tr("Refund"), m_full);
    form->addRow(m_partial, m_amount);
    form->addRow(tr("Reason"), m_reason);
    layout->addLayout(form);

    m_message = namedWidget<QLabel>(QStringLiteral("refundMessage"), this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
    layout->addWidget(m_message);
    m_result = namedWidget<QLabel>(QStringLiteral("refundResult"), this);
    m_result->setWordWrap(true);
    QFont bold = m_result->font();
    bold.setBold(true);
    m_result->setFont(bold);
    m_result->hide();
    layout->addWidget(m_result);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = m_buttons->addButton(tr("Refund"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendRefundButton"));
    connect(m_send, &QPushButton::clicked, this, &RefundDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RefundDialog::reject);
    layout->addWidget(m_buttons);

    for (QRadioButton *radio : {m_full, m_partial})
        connect(radio, &QRadioButton::toggled, this, &RefundDialog::validate);
    for (QLineEdit *edit : {m_amount, m_reason})
        connect(edit, &QLineEdit::textChanged, this, &RefundDialog::validate);
    connect(m_amount, &QLineEdit::textEdited, this, [this] { m_partial->setChecked(true); });
    connect(&m_refunds, &RefundService::finished, this, &RefundDialog::onFinished);
    m_full->setChecked(true);
    loadBalance();
    validate();
}

void RefundDialog::loadBalance()
{
    const auto balance = m_orderLog.refundBalance(m_order.id);
    if (!balance) {
        m_refundableMinor = 0;
        m_balance->setText(errorMessage(balance.error()));
        return;
    }
    m_refundableMinor = std::max<qint64>(0, balance->refundableMinor());
    const Currency currency = balance->paid.currency;
    QString text = tr("Paid %1 · already refunded %2 · still refundable %3")
                       .arg(moneyText(balance->paid), moneyText(balance->refundedMinor, currency),
                            moneyText(m_refundableMinor, currency));
    if (balance->inFlightMinor > 0)
        text += u'\n'
            + tr("%1 is held by refunds whose outcome is not known yet.")
                  .arg(moneyText(balance->inFlightMinor, currency));
    m_balance->setText(text);
    m_full->setText(tr("All that is refundable: %1").arg(moneyText(m_refundableMinor, currency)));
}

Result<qint64> RefundDialog::amountMinor() const
{
    if (m_refundableMinor <= 0)
        return fail(ErrorCode::AmountTooLarge, tr("Nothing is left to refund on this order."));
    if (m_full->isChecked())
        return m_refundableMinor;
    const auto amount = parseAmount(m_amount->text(), QLocale(), std::numeric_limits<qint64>::max() / 2);
    if (!amount)
        return fail(amount.error().code, errorMessage(amount.error()));
    if (*amount > m_refundableMinor)
        return fail(ErrorCode::AmountTooLarge,
                    tr("At most %1 can still be refunded.").arg(moneyText(m_refundableMinor, m_order.amount.currency)));
    return *amount;
}

void RefundDialog::validate()
{
    if (m_refund)
        return;
    QString problem;
    if (const auto amount = amountMinor(); !amount)
        problem = amount.error().detail;
    else if (m_reason->text().trimmed().isEmpty())
        problem = tr("Enter the reason for the refund.");
    // Empty fields are not errors yet: the manager has not got to them.
    const bool quietlyIncomplete = (m_partial->isChecked() && m_amount->text().trimmed().isEmpty())
        || (m_reason->text().isEmpty() && !m_reason->isModified());
    m_message->setText(quietlyIncomplete ? QString() : problem);
    m_send->setEnabled(problem.isEmpty());
}

QString RefundDialog::refusalText(const Error &error) const
{
    switch (error.code) {
    case ErrorCode::AmountTooLarge:
        return tr("That is more than can still be refunded on this order.");
    case ErrorCode::TransitionRejected:
        return tr("Only paid orders can be refunded.");
    case ErrorCode::InvalidArgument:
        return tr("The refund was not sent: %1").arg(error.detail);
    default:
        return errorMessage(error);
    }
}

void RefundDialog::submit()
{
    const auto amount = amountMinor();
    if (!amount || m_reason->text().trimmed().isEmpty() || m_refund)
        return;
    const auto pending = m_refunds.request(m_order.id, *amount, m_reason->text().trimmed(), m_manager);
    if (!pending) {
        m_message->setText(refusalText(pending.error()));
        loadBalance();
        return;
    }
    m_refund = *pending;
    Q_EMIT refundRequested(*pending);
    for (QWidget *input : std::initializer_list<QWidget *>{m_full, m_partial, m_amount, m_reason, m_send})
        input->setEnabled(false);
    m_message->clear();
    m_result->setText(tr("Sending refund %1 of %2 to IOTPay…").arg(pending->mchRefundNo, moneyText(pending->amount)));
    m_result->show();
}

void RefundDialog::onFinished(const Refund &refund)
{
    if (!m_refund || refund.id != m_refund->id)
        return;
    m_refund = refund;
    switch (refund.state) {
    case RefundState::Succeeded:
        m_result->setText(
            tr("SUCCEEDED — %1 refunded. Refund number %2.").arg(moneyText(refund.amount), refund.mchRefundNo));
        m_result->setStyleSheet(QStringLiteral("color: #1B5E20;"));
        break;
    case RefundState::Failed:
        m_result->setText(tr("FAILED — nothing was refunded. %1").arg(refund.detail));
        m_result->setStyleSheet(QStringLiteral("color: #B00020;"));
        break;
    default:
        m_result->setText(tr("UNKNOWN — IOTPay did not say whether %1 went back. Ask IOTPay (merchant portal), "
                             "then resolve this refund later from the order's refunds.")
                              .arg(moneyText(refund.amount)));
        m_result->setStyleSheet(QStringLiteral("color: #E65100;"));
        break;
    }
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    Q_EMIT refundFinished(refund);
}

ResolveRefundDialog::ResolveRefundDialog(RefundService &refunds, const Refund &refund, Requester manager,
                                         QWidget *parent)
    : QDialog(parent), m_refunds(refunds), m_refund(refund), m_manager(std::move(manager))
{
    setObjectName(QStringLiteral("resolveRefundDialog"));
    setWindowTitle(tr("Resolve refund %1").arg(refund.mchRefundNo));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Refund %1 of %2 has no known outcome. Check it in the IOTPay merchant portal, then "
                                "record what happened.")
                                 .arg(refund.mchRefundNo, moneyText(refund.amount)),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("resolveOutcomeCombo"));
    m_outcome->addItem(tr("The money went back (succeeded)"), int(RefundState::Succeeded));
    m_outcome->addItem(tr("Nothing went back (failed)"), int(RefundState::Failed));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("resolveNoteEdit"));
    m_note->setPlaceholderText(tr("required, e.g. seen in the portal on 2026-11-21"));
    form->addRow(tr("Outcome"), m_outcome);
    form->addRow(tr("Note"), m_note);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("resolveMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B00020;"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *save = buttons->addButton(tr("Record outcome"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("resolveSaveButton"));
    connect(save, &QPushButton::clicked, this, &ResolveRefundDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &ResolveRefundDialog::reject);
    layout->addWidget(buttons);
}

void ResolveRefundDialog::submit()
{
    if (m_note->text().trimmed().isEmpty()) {
        m_message->setText(tr("Enter a note: where you checked the outcome."));
        return;
    }
    const auto outcome = RefundState(m_outcome->currentData().toInt());
    const auto resolved = m_refunds.resolve(m_refund.id, outcome, m_note->text().trimmed(), m_manager);
    if (!resolved) {
        m_message->setText(resolved.error().code == ErrorCode::InvalidArgument
                               ? tr("Not recorded: %1").arg(resolved.error().detail)
                               : errorMessage(resolved.error()));
        return;
    }
    m_resolved = *resolved;
    accept();
}

} // namespace paydesk
