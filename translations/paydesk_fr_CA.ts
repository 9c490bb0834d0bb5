<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>Channel</name>
    <message>
        <location filename="../ui/ChannelStyle.cpp" line="+16"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WeChat Pay (mini program)</source>
        <translation>WeChat Pay (mini-programme)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WeChat Pay (app)</source>
        <translation>WeChat Pay (application)</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="+33"/>
        <source>Enter an amount.</source>
        <translation>Entrez un montant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That is not an amount. Use digits and at most one decimal separator.</source>
        <translation>Ce n’est pas un montant. Utilisez des chiffres et au plus un séparateur décimal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount cannot be negative.</source>
        <translation>Le montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use at most two decimals.</source>
        <translation>Utilisez au plus deux décimales.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount is above the maximum allowed for one sale.</source>
        <translation>Le montant dépasse le maximum permis pour une vente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This payment method does not accept this currency. Choose another method or currency.</source>
        <translation>Ce mode de paiement n’accepte pas cette devise. Choisissez un autre mode de paiement ou une autre devise.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Gateway unreachable — check the network. The sale was not charged.</source>
        <translation>Passerelle injoignable — vérifiez le réseau. La vente n’a pas été encaissée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Résultat inconnu — vérification auprès de la passerelle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway refused the request. The sale was not charged.</source>
        <translation>La passerelle a refusé la demande. La vente n’a pas été encaissée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway&apos;s reply could not be verified — check the merchant key in Settings.</source>
        <translation>La réponse de la passerelle n’a pas pu être vérifiée — vérifiez la clé marchand dans les Paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway answered about another order or amount. Checking with the gateway…</source>
        <translation>La passerelle a répondu pour une autre commande ou un autre montant. Vérification auprès de la passerelle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature error — check the merchant key in Settings.</source>
        <translation>Erreur de signature — vérifiez la clé marchand dans les Paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merchant unknown to the gateway — check the merchant ID in Settings.</source>
        <translation>Marchand inconnu de la passerelle — vérifiez le numéro de marchand dans les Paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway rejected the order&apos;s details. The sale was not charged.</source>
        <translation>La passerelle a rejeté les détails de la commande. La vente n’a pas été encaissée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway never received the order. Nothing was charged — you can charge again.</source>
        <translation>La passerelle n’a jamais reçu la commande. Rien n’a été débité — vous pouvez encaisser de nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This order is already paid.</source>
        <translation>Cette commande est déjà payée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateway declined: %1</source>
        <translation>La passerelle a refusé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PayDesk is not fully set up — open Settings (F10).</source>
        <translation>PayDesk n’est pas entièrement configuré — ouvrez les Paramètres (F10).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merchant key cannot be read — open Settings (F10) to enter it again.</source>
        <translation>La clé marchand est illisible — ouvrez les Paramètres (F10) pour la saisir de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order log cannot be reached. No new sale can start until it is back — nothing was charged. Call your installer if this lasts.</source>
        <translation>Le journal des commandes est injoignable. Aucune nouvelle vente ne peut commencer avant son retour — rien n&apos;a été débité. Appelez votre installateur si cela dure.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The order log cannot be written. Nothing was charged. Call your installer.</source>
        <translation>Impossible d’écrire dans le journal des commandes. Rien n’a été débité. Appelez votre installateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid at the gateway — waiting for the store&apos;s relay to confirm. Do not charge again.</source>
        <translation>Payé auprès de la passerelle — en attente de la confirmation du relais du magasin. Ne débitez pas de nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The store&apos;s database does not allow this login to do that (roles). Nothing was changed — call your manager or installer.</source>
        <translation>La base de données du magasin ne permet pas cette opération à cet identifiant (rôles). Rien n&apos;a été modifié — appelez votre gérant ou votre installateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full. Nothing was charged. Free some space and try again.</source>
        <translation>Le disque est plein. Rien n’a été débité. Libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order log is busy. Nothing was charged — try again.</source>
        <translation>Le journal des commandes est occupé. Rien n’a été débité — réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A sale is already in progress.</source>
        <translation>Une vente est déjà en cours.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This counter&apos;s terminal id is already used by another PayDesk in the store&apos;s database. Choose another terminal id in Settings (F10), or ask your installer to release it.</source>
        <translation>L’identifiant de terminal de cette caisse est déjà utilisé par un autre PayDesk dans la base de données du magasin. Choisissez un autre identifiant de terminal dans les Paramètres (F10), ou demandez à votre installateur de le libérer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong: %1</source>
        <translation>Un problème est survenu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>This is not a WeChat Pay, Alipay or UnionPay payment code. Nothing was charged.</source>
        <translation>Ce n’est pas un code de paiement WeChat Pay, Alipay ou UnionPay. Rien n’a été encaissé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment code has expired or was already used. Nothing was charged — ask the customer to refresh the code and scan again.</source>
        <translation>Le code de paiement a expiré ou a déjà été utilisé. Rien n’a été encaissé — demandez au client d’actualiser le code et scannez de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s wallet does not have enough funds. Nothing was charged — scan again once the customer has chosen another way to pay.</source>
        <translation>Le portefeuille du client n’a pas assez de fonds. Rien n’a été encaissé — scannez de nouveau une fois que le client a choisi un autre moyen de paiement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wallet declined this payment for security reasons. Nothing was charged — the customer can pay another way.</source>
        <translation>Le portefeuille a refusé ce paiement pour des raisons de sécurité. Rien n’a été encaissé — le client peut payer autrement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment code was just used for another order. Ask the customer to refresh the code.</source>
        <translation>Ce code de paiement vient d’être utilisé pour une autre commande. Demandez au client d’actualiser le code.</translation>
    </message>
</context>
<context>
    <name>ManagerText</name>
    <message>
        <location filename="../ui/manager/ManagerText.cpp" line="+28"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating</source>
        <translation>Création en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awaiting payment</source>
        <translation>En attente de paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid late</source>
        <translation>Payée en retard</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counter</source>
        <translation>Comptoir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mini program</source>
        <translation>Mini-programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>Application</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pending</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund failed</source>
        <translation>Remboursement échoué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund outcome unknown</source>
        <translation>Résultat du remboursement inconnu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State change</source>
        <translation>Changement d’état</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Manager view opened</source>
        <translation>Vue gérant ouverte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager view locked</source>
        <translation>Vue gérant verrouillée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN</source>
        <translation>NIP erroné</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Staff account enabled</source>
        <translation>Compte d&apos;employé réactivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refund requested</source>
        <translation>Remboursement demandé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund result</source>
        <translation>Résultat du remboursement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund resolved</source>
        <translation>Remboursement réglé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV export</source>
        <translation>Exportation CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z report</source>
        <translation>Rapport Z</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings changed</source>
        <translation>Paramètres modifiés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open orders checked</source>
        <translation>Commandes ouvertes vérifiées</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Signed in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>No cashier</source>
        <translation>Aucune personne à la caisse</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Sign-in refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account locked</source>
        <translation>Compte verrouillé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff account added</source>
        <translation>Compte d&apos;employé ajouté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff account disabled</source>
        <translation>Compte d&apos;employé désactivé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff PIN changed</source>
        <translation>NIP d&apos;employé modifié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager PIN moved to an account</source>
        <translation>NIP du gérant transféré à un compte</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/paydesk/main.cpp" line="+94"/>
        <location line="+40"/>
        <source>PayDesk demo</source>
        <translation>Démo PayDesk</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>PayDesk settings</source>
        <translation>Paramètres de PayDesk</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+73"/>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>This counter&apos;s terminal id %1 is already used by another PayDesk in the store&apos;s database, so it cannot take sales. Choose another terminal id in the settings, or ask your installer to release it (paydeskctl store release-terminal %1).</source>
        <translation>L’identifiant de terminal %1 de cette caisse est déjà utilisé par un autre PayDesk dans la base de données du magasin : elle ne peut donc pas encaisser. Choisissez un autre identifiant de terminal dans les paramètres, ou demandez à votre installateur de le libérer (paydeskctl store release-terminal %1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The order log cannot be opened: %1</source>
        <translation>Impossible d’ouvrir le journal des commandes&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The notification relay cannot start: %1</source>
        <translation>Le relais de notifications ne peut pas démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>A changed setting could not be applied: %1</source>
        <translation>Un paramètre modifié n’a pas pu être appliqué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ReceiptText</name>
    <message>
        <location filename="../ui/manager/ReceiptPainter.cpp" line="+32"/>
        <source>PAYMENT RECEIPT</source>
        <translation>REÇU DE PAIEMENT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REFUND RECEIPT</source>
        <translation>REÇU DE REMBOURSEMENT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid with</source>
        <translation>Payé avec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order no.</source>
        <translation>N° de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway order</source>
        <translation>Commande passerelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund no.</source>
        <translation>N° de remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
</context>
<context>
    <name>ZReport</name>
    <message>
        <location filename="../ui/manager/ZReport.cpp" line="+150"/>
        <source>End-of-day report (Z)</source>
        <translation>Rapport de fin de journée (Z)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business day %1 (%2)</source>
        <translation>Journée d’affaires %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From %1 to %2, time zone %3, day starts at %4:00</source>
        <translation>Du %1 au %2, fuseau horaire %3, la journée commence à %4 h</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed %1</source>
        <translation>Imprimé le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orders created in the day: %1</source>
        <translation>Commandes créées dans la journée : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Totals per channel and currency</source>
        <translation>Totaux par mode de paiement et devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+62"/>
        <source>Paid</source>
        <translation>Payées</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+62"/>
        <source>Gross</source>
        <translation>Brut</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Refunds</source>
        <translation>Remb.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>No payments in this business day.</source>
        <translation>Aucun paiement dans cette journée d’affaires.</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Store %1</source>
        <translation>Magasin %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refunds count on the day the money went back, whatever day the sale was.</source>
        <translation>Les remboursements comptent le jour où l’argent a été rendu, quel que soit le jour de la vente.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Totals per source and currency</source>
        <translation>Totaux par provenance et devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Totals per cashier and currency</source>
        <translation>Totaux par personne à la caisse et par devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A refund counts against the cashier who made the sale.</source>
        <translation>Un remboursement compte pour la personne qui a fait la vente.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Totals per store and terminal</source>
        <translation>Totaux par magasin et par terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store · terminal</source>
        <translation>Magasin · terminal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No store</source>
        <translation>Aucun magasin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · terminal %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · whole store</source>
        <translation>%1 · tout le magasin</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Orders by state</source>
        <translation>Commandes par état</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No orders.</source>
        <translation>Aucune commande.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Alerts: %1</source>
        <translation>Alertes : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to check before closing the day.</source>
        <translation>Rien à vérifier avant de clôturer la journée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late payments (refund or keep): %1</source>
        <translation>Paiements en retard (rembourser ou conserver) : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, created %3, paid %4</source>
        <translation>%1  %2, créée à %3, payée à %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orders not final (check open orders): %1</source>
        <translation>Commandes non finalisées (vérifier les commandes ouvertes) : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, %3, created %4</source>
        <translation>%1  %2, %3, créée à %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refunds not resolved: %1</source>
        <translation>Remboursements non réglés : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1  %2, %3, by %4</source>
        <translation>%1  %2, %3, par %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notifications: %1 for no known order, %2 failed verification</source>
        <translation>Notifications : %1 pour aucune commande connue, %2 non vérifiées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gateway contradictions (see the order&apos;s history): %1</source>
        <translation>Contradictions de la passerelle (voir l’historique de la commande) : %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sales by hour</source>
        <translation>Ventes par heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
</context>
<context>
    <name>paydesk::AuditView</name>
    <message>
        <location filename="../ui/manager/AuditView.cpp" line="+78"/>
        <source>Manager actions of the business day. Refunds also appear in their order&apos;s timeline.</source>
        <translation>Actions des gérants pendant la journée d’affaires. Les remboursements figurent aussi dans l’historique de leur commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>paydesk::CustomerDisplay</name>
    <message>
        <location filename="../ui/CustomerDisplay.cpp" line="+58"/>
        <source>PayDesk — customer display</source>
        <translation>PayDesk — affichage client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scan with %1 to pay</source>
        <translation>Balayez avec %1 pour payer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paid — thank you!</source>
        <translation>Payé — merci!</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment not completed</source>
        <translation>Paiement non effectué</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Show your payment code to the cashier</source>
        <translation>Montrez votre code de paiement au caissier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm the payment on your phone (%1)</source>
        <translation>Confirmez le paiement sur votre téléphone (%1)</translation>
    </message>
</context>
<context>
    <name>paydesk::DaySummaryView</name>
    <message numerus="yes">
        <location filename="../ui/manager/DaySummaryView.cpp" line="+120"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %n order(s) created in the business day</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n commande créée dans la journée d’affaires</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %n commandes créées dans la journée d’affaires</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No store</source>
        <translation>Aucun magasin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · terminal %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · whole store</source>
        <translation>%1 · tout le magasin</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Late payment %1: %2, paid %3 — refund or keep</source>
        <translation>Paiement en retard %1 : %2, payé à %3 — rembourser ou conserver</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not final %1: %2, %3 — check open orders</source>
        <translation>Non finalisée %1 : %2, %3 — vérifier les commandes ouvertes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refund %1 %2: %3 — ask IOTPay, then resolve it</source>
        <translation>Remboursement %1 %2 : %3 — demandez à IOTPay, puis réglez-le</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n notification(s) for no known order</source>
        <translation>
            <numerusform>%n notification pour aucune commande connue</numerusform>
            <numerusform>%n notifications pour aucune commande connue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n notification(s) failed verification</source>
        <translation>
            <numerusform>%n notification non vérifiée</numerusform>
            <numerusform>%n notifications non vérifiées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway contradicts the order log on %1: %2</source>
        <translation>La passerelle contredit le journal des commandes pour %1 : %2</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>… and %n more (see the Z report counts)</source>
        <translation>
            <numerusform>… et %n autre (voir les totaux du rapport Z)</numerusform>
            <numerusform>… et %n autres (voir les totaux du rapport Z)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to check before closing the day.</source>
        <translation>Rien à vérifier avant de clôturer la journée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Alerts (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alertes (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;b&gt;Totals per channel and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totaux par mode de paiement et devise&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>Payées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gross</source>
        <translation>Brut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunds</source>
        <translation>Remb.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Totals per source and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totaux par provenance et devise&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Totals per cashier and currency&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totaux par personne à la caisse et par devise&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Totals per store and terminal&lt;/b&gt;</source>
        <translation>&lt;b&gt;Totaux par magasin et par terminal&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store · terminal</source>
        <translation>Magasin · terminal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alertes&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>paydesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+277"/>
        <source>The customer display needs a second screen, or room beside this window.</source>
        <translation>L’affichage client demande un deuxième écran, ou de la place à côté de cette fenêtre.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Cancel this sale?</source>
        <translation>Annuler cette vente?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer may be paying right now. PayDesk asks the gateway once more before cancelling.</source>
        <translation>Le client est peut-être en train de payer. PayDesk vérifie une dernière fois auprès de la passerelle avant d’annuler.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep waiting</source>
        <translation>Continuer d’attendre</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Settings saved</source>
        <translation>Paramètres enregistrés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new settings apply from now on.</source>
        <translation>Les nouveaux paramètres s’appliquent dès maintenant.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Printing the receipt…</source>
        <translation>Impression du reçu…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt sent to the printer.</source>
        <translation>Reçu envoyé à l’imprimante.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PayDesk — DEMO</source>
        <translation>PayDesk — DÉMO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEMO — simulated gateway, no real money</source>
        <translation>DÉMO — passerelle simulée, aucun argent réel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings (F10)</source>
        <translation>Paramètres (F10)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager (F9)</source>
        <translation>Gérant (F9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer display</source>
        <translation>Affichage client</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowCashier.cpp" line="+86"/>
        <source>Cashier: %1. F8 switches to another cashier.</source>
        <translation>À la caisse : %1. F8 pour changer de personne.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No cashier accounts yet</source>
        <translation>Aucun compte de caisse pour l&apos;instant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sales are recorded under the cashier name of the settings (%1). To have each cashier sign in, a manager adds their accounts in Manager (F9) → Staff, or on the command line with &quot;paydeskctl staff add NAME --role cashier&quot;. From then on the counter asks who is selling.</source>
        <translation>Les ventes sont enregistrées sous le nom de caisse des paramètres (%1). Pour que chaque personne se connecte, un gérant ajoute les comptes dans Gérant (F9) → Personnel, ou en ligne de commande avec « paydeskctl staff add NOM --role cashier ». La caisse demande ensuite qui vend.</translation>
    </message>
</context>
<context>
    <name>paydesk::ManagerSettingsPage</name>
    <message>
        <location filename="../ui/manager/ManagerSettingsPage.cpp" line="+115"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not saved: the settings file cannot be written.</source>
        <translation>Non enregistré : impossible d’écrire le fichier de paramètres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Merchant name (receipts, reports)</source>
        <translation>Nom du commerce (reçus, rapports)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the manager view after (minutes idle)</source>
        <translation>Verrouiller la vue gérant après (minutes d’inactivité)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Imprimante de reçus (ESC/POS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer address</source>
        <translation>Adresse de l’imprimante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer characters</source>
        <translation>Caractères de l’imprimante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters per line</source>
        <translation>Caractères par ligne</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network (TCP port 9100)</source>
        <translation>Réseau (port TCP 9100)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device file or serial port</source>
        <translation>Fichier de périphérique ou port série</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latin letters only (any printer)</source>
        <translation>Lettres latines seulement (toute imprimante)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese (GB18030, printer with Chinese font)</source>
        <translation>Chinois (GB18030, imprimante avec police chinoise)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a test receipt</source>
        <translation>Imprimer un reçu d’essai</translation>
    </message>
</context>
<context>
    <name>paydesk::ManagerWindow</name>
    <message numerus="yes">
        <location filename="../ui/manager/ManagerWindow.cpp" line="+345"/>
        <source>Day summary (%n alert(s))</source>
        <translation>
            <numerusform>Résumé de la journée (%n alerte)</numerusform>
            <numerusform>Résumé de la journée (%n alertes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+124"/>
        <source>Day summary</source>
        <translation>Résumé de la journée</translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <source>Showing %1 of %n order(s)</source>
        <translation>
            <numerusform>%1 affichée sur %n commande</numerusform>
            <numerusform>%1 affichées sur %n commandes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The audit trail could not be written: %1</source>
        <translation>Impossible d’écrire le journal d’audit : %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PayDesk — Manager</source>
        <translation>PayDesk — Gérant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business day</source>
        <translation>Journée d’affaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1, starts %2:00)</source>
        <translation>(%1, début à %2 h)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check open orders</source>
        <translation>Vérifier les commandes ouvertes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask IOTPay about every order of the day whose outcome is not final</source>
        <translation>Demander à IOTPay l’état de chaque commande de la journée dont le résultat n’est pas final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The orders of the list as it is filtered now</source>
        <translation>Les commandes de la liste, avec les filtres actuels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for spreadsheet programs</source>
        <translation>pour tableurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts the file with a byte order mark, so Excel reads accents and Chinese correctly</source>
        <translation>Ajoute une marque d’ordre d’octets au début du fichier, pour qu’Excel lise correctement les accents et le chinois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z report as PDF…</source>
        <translation>Rapport Z en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Z report…</source>
        <translation>Imprimer le rapport Z…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit trail</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts and lock</source>
        <translation>Reçus et verrouillage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The manager view is locked. Enter the manager PIN to continue.</source>
        <translation>La vue gérant est verrouillée. Entrez le NIP du gérant pour continuer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock…</source>
        <translation>Déverrouiller…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../ui/manager/ManagerActions.cpp" line="+77"/>
        <source>Refund %1 recorded as %2.</source>
        <translation>Remboursement %1 enregistré comme « %2 ».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No receipt printer is set up: choose one under &quot;Receipts and lock&quot;.</source>
        <translation>Aucune imprimante de reçus n’est configurée : choisissez-en une dans « Reçus et verrouillage ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending the receipt to the receipt printer…</source>
        <translation>Envoi du reçu à l’imprimante de reçus…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receipt saved as %1.</source>
        <translation>Reçu enregistré sous %1.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Export orders as CSV</source>
        <translation>Exporter les commandes en CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CSV file was not written: %1</source>
        <translation>Le fichier CSV n’a pas été écrit : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n order(s) exported to %1.</source>
        <translation>
            <numerusform>%n commande exportée vers %1.</numerusform>
            <numerusform>%n commandes exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save Z report as PDF</source>
        <translation>Enregistrer le rapport Z en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Z report was not written: %1</source>
        <translation>Le rapport Z n’a pas été écrit : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Z report saved as %1.</source>
        <translation>Rapport Z enregistré sous %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print Z report</source>
        <translation>Imprimer le rapport Z</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The Z report could not be printed.</source>
        <translation>Le rapport Z n’a pas pu être imprimé.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open orders are being checked already; the result follows.</source>
        <translation>Les commandes ouvertes sont déjà en vérification; le résultat suivra.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking open orders with IOTPay…</source>
        <translation>Vérification des commandes ouvertes auprès d’IOTPay…</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderDetailView</name>
    <message>
        <location filename="../ui/manager/OrderDetailView.cpp" line="+145"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 — %3 with %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 — %3 avec %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paid %1</source>
        <translation>payée le %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not paid</source>
        <translation>non payée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created %1 · %2 · terminal %3 · cashier %4</source>
        <translation>Créée le %1 · %2 · terminal %3 · caisse %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Gateway order %1 · refunded %2</source>
        <translation>Commande passerelle %1 · remboursé %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid after the sale was closed: refund it or keep it.</source>
        <translation>Payée après la clôture de la vente : remboursez-la ou conservez-la.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select an order to see its timeline and refunds.</source>
        <translation>Sélectionnez une commande pour voir son historique et ses remboursements.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Paid through %1: refund it from that gateway&apos;s merchant portal.</source>
        <translation>Payé par %1 : remboursez-le depuis le portail marchand de cette passerelle.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refund…</source>
        <translation>Rembourser…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve refund…</source>
        <translation>Régler le remboursement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale receipt</source>
        <translation>Reçu de vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund receipt</source>
        <translation>Reçu de remboursement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Imprimante de reçus (ESC/POS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;Historique&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Refunds&lt;/b&gt;</source>
        <translation>&lt;b&gt;Remboursements&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund number</source>
        <translation>N° de remboursement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderFilterBar</name>
    <message>
        <location filename="../ui/manager/OrderFilterBar.cpp" line="+176"/>
        <source>The lowest amount is above the highest.</source>
        <translation>Le montant minimal dépasse le montant maximal.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid</source>
        <translation>Payées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid late</source>
        <translation>Payées en retard</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not final (open or unknown)</source>
        <translation>Non finalisées (ouvertes ou inconnues)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expired</source>
        <translation>Expirées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Échouées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With refunds</source>
        <translation>Avec remboursements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All channels</source>
        <translation>Tous les modes de paiement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order number</source>
        <translation>N° de commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount from</source>
        <translation>Montant de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>part of the order or gateway number</source>
        <translation>partie du n° de commande ou de passerelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
</context>
<context>
    <name>paydesk::OrderTableModel</name>
    <message>
        <location filename="../ui/manager/OrderTableModel.cpp" line="+189"/>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number</source>
        <translation>N° de commande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Mode de paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway order</source>
        <translation>Commande passerelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
</context>
<context>
    <name>paydesk::OutcomeScreen</name>
    <message>
        <location filename="../ui/OutcomeScreen.cpp" line="+120"/>
        <source>Paid after closing</source>
        <translation>Payé après la clôture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</source>
        <translation>Le client a payé après la clôture de la vente. Le paiement est enregistré; un gérant peut le rembourser ou le conserver.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✔ Paid</source>
        <translation>✔ Payé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — order %2</source>
        <translation>%1 — commande %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expired</source>
        <translation>Délai expiré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer did not pay in time. Nothing was charged.</source>
        <translation>Le client n’a pas payé à temps. Rien n’a été débité.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled</source>
        <translation>Vente annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sale was cancelled. Nothing was charged.</source>
        <translation>La vente a été annulée. Rien n’a été débité.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not charged</source>
        <translation>Non encaissé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payment could not be started.</source>
        <translation>Le paiement n’a pas pu être lancé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New sale in %1 s</source>
        <translation>Nouvelle vente dans %1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sale  (Enter)</source>
        <translation>Nouvelle vente  (Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
</context>
<context>
    <name>paydesk::PaymentScreen</name>
    <message>
        <location filename="../ui/PaymentScreen.cpp" line="+112"/>
        <source>%1:%2 left</source>
        <translation>Temps restant&#xa0;: %1:%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Creating the order…</source>
        <translation>Création de la commande…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Résultat inconnu — vérification auprès de la passerelle…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking with the gateway…</source>
        <translation>Vérification auprès de la passerelle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan with %1 to pay</source>
        <translation>Balayez avec %1 pour payer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finishing…</source>
        <translation>Finalisation…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancel sale  (Esc)</source>
        <translation>Annuler la vente  (Échap)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate customer payment (demo)</source>
        <translation>Simuler le paiement du client (démo)</translation>
    </message>
</context>
<context>
    <name>paydesk::PinDialog</name>
    <message>
        <location filename="../ui/PinDialog.cpp" line="+19"/>
        <location line="+10"/>
        <source>Manager PIN</source>
        <translation>NIP du gérant</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Enter a manager&apos;s name and PIN:</source>
        <translation>Entrez le nom et le NIP d&apos;un gérant&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is not a manager.</source>
        <translation>%1 n&apos;est pas gérant.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Too many wrong PINs. Locked until %1 (%n more minute(s)).</source>
        <translation>
            <numerusform>Trop de NIP erronés. Verrouillé jusqu&apos;à %1 (encore %n minute).</numerusform>
            <numerusform>Trop de NIP erronés. Verrouillé jusqu&apos;à %1 (encore %n minutes).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This account is disabled. A manager can enable it again.</source>
        <translation>Ce compte est désactivé. Un gérant peut le réactiver.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The staff accounts cannot be read right now. Try again.</source>
        <translation>Les comptes d&apos;employés sont illisibles pour le moment. Réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong name or PIN.</source>
        <translation>Nom ou NIP erroné.</translation>
    </message>
</context>
<context>
    <name>paydesk::QrWidget</name>
    <message>
        <location filename="../ui/QrWidget.cpp" line="+11"/>
        <source>Payment QR code</source>
        <translation>Code QR de paiement</translation>
    </message>
</context>
<context>
    <name>paydesk::ReceiptActions</name>
    <message>
        <location filename="../ui/manager/ReceiptActions.cpp" line="+41"/>
        <source>Thank you!</source>
        <translation>Merci!</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Receipt sent to %1.</source>
        <translation>Reçu envoyé à %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt printer did not print (%1): %2</source>
        <translation>L’imprimante de reçus n’a pas imprimé (%1) : %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Print receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save receipt as PDF</source>
        <translation>Enregistrer le reçu en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>paydesk::ReconcileResultDialog</name>
    <message>
        <location filename="../ui/manager/ReconcileResultDialog.cpp" line="+17"/>
        <source>Open orders checked</source>
        <translation>Commandes ouvertes vérifiées</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n order(s) checked with IOTPay.</source>
        <translation>
            <numerusform>%n commande vérifiée auprès d’IOTPay.</numerusform>
            <numerusform>%n commandes vérifiées auprès d’IOTPay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed,</source>
        <translation>
            <numerusform>%n modifiée,</numerusform>
            <numerusform>%n modifiées,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n still open.</source>
        <translation>
            <numerusform>%n encore ouverte.</numerusform>
            <numerusform>%n encore ouvertes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be checked (gateway unreachable?) — try again later.</source>
        <translation>
            <numerusform>%n n’a pas pu être vérifiée (passerelle injoignable?) — réessayez plus tard.</numerusform>
            <numerusform>%n n’ont pas pu être vérifiées (passerelle injoignable?) — réessayez plus tard.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open orders: nothing to check.</source>
        <translation>Aucune commande ouverte : rien à vérifier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order number</source>
        <translation>N° de commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Was</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
</context>
<context>
    <name>paydesk::RefundDialog</name>
    <message>
        <location filename="../ui/manager/RefundDialog.cpp" line="+28"/>
        <source>Refund order %1</source>
        <translation>Rembourser la commande %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1 — %2 with %3</source>
        <translation>Commande %1 — %2 avec %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Part of it:</source>
        <translation>Une partie :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>amount, e.g. 5.00</source>
        <translation>montant, p. ex. 5,00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required, e.g. item returned</source>
        <translation>obligatoire, p. ex. article retourné</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Paid %1 · already refunded %2 · still refundable %3</source>
        <translation>Payé %1 · déjà remboursé %2 · encore remboursable %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is held by refunds whose outcome is not known yet.</source>
        <translation>%1 est réservé par des remboursements dont le résultat n’est pas encore connu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All that is refundable: %1</source>
        <translation>Tout le montant remboursable : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is left to refund on this order.</source>
        <translation>Il ne reste rien à rembourser sur cette commande.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At most %1 can still be refunded.</source>
        <translation>Au plus %1 peut encore être remboursé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the reason for the refund.</source>
        <translation>Entrez le motif du remboursement.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That is more than can still be refunded on this order.</source>
        <translation>C’est plus que ce qui peut encore être remboursé sur cette commande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only paid orders can be refunded.</source>
        <translation>Seules les commandes payées peuvent être remboursées.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund was not sent: %1</source>
        <translation>Le remboursement n’a pas été envoyé : %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sending refund %1 of %2 to IOTPay…</source>
        <translation>Envoi du remboursement %1 de %2 à IOTPay…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>SUCCEEDED — %1 refunded. Refund number %2.</source>
        <translation>RÉUSSI — %1 remboursé. N° de remboursement %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FAILED — nothing was refunded. %1</source>
        <translation>ÉCHOUÉ — rien n’a été remboursé. %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UNKNOWN — IOTPay did not say whether %1 went back. Ask IOTPay (merchant portal), then resolve this refund later from the order&apos;s refunds.</source>
        <translation>INCONNU — IOTPay n’a pas confirmé si %1 a été rendu. Vérifiez auprès d’IOTPay (portail marchand), puis réglez ce remboursement plus tard depuis les remboursements de la commande.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>paydesk::ResolveRefundDialog</name>
    <message>
        <location line="+9"/>
        <source>Resolve refund %1</source>
        <translation>Régler le remboursement %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund %1 of %2 has no known outcome. Check it in the IOTPay merchant portal, then record what happened.</source>
        <translation>Le résultat du remboursement %1 de %2 est inconnu. Vérifiez-le dans le portail marchand IOTPay, puis indiquez ce qui s’est passé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The money went back (succeeded)</source>
        <translation>L’argent a été rendu (réussi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing went back (failed)</source>
        <translation>Rien n’a été rendu (échoué)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required, e.g. seen in the portal on 2026-11-21</source>
        <translation>obligatoire, p. ex. vu dans le portail le 2026-11-21</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record outcome</source>
        <translation>Enregistrer le résultat</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter a note: where you checked the outcome.</source>
        <translation>Entrez une note : où vous avez vérifié le résultat.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not recorded: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>paydesk::SaleScreen</name>
    <message>
        <location filename="../ui/SaleScreen.cpp" line="+340"/>
        <source>New sale</source>
        <translation>Nouvelle vente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pay with %1 (%2)</source>
        <translation>Payer avec %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charge  (Enter)</source>
        <translation>Encaisser  (Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge</source>
        <translation>Encaisser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the amount</source>
        <translation>Effacer le montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the last digit</source>
        <translation>Supprimer le dernier chiffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment code:</source>
        <translation>Code de paiement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan or type</source>
        <translation>Balayez ou tapez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer&apos;s payment code</source>
        <translation>Code de paiement du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge code</source>
        <translation>Encaisser le code</translation>
    </message>
</context>
<context>
    <name>paydesk::SalesChart</name>
    <message>
        <location filename="../ui/manager/SalesChart.cpp" line="+60"/>
        <source>Number of sales</source>
        <translation>Nombre de ventes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount in %1</source>
        <translation>Montant en %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales by hour and channel</source>
        <translation>Ventes par heure et mode de paiement</translation>
    </message>
</context>
<context>
    <name>paydesk::ScanDemoPanel</name>
    <message>
        <location filename="../ui/ScanDemoPanel.cpp" line="+90"/>
        <source>Simulate a scan:</source>
        <translation>Balayage simulé&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No funds</source>
        <translation>Sans fonds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expired code</source>
        <translation>Code expiré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk control</source>
        <translation>Risque</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No reply</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s wallet pays at once</source>
        <translation>Le portefeuille du client paie aussitôt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer confirms with a password for a few seconds, then pays</source>
        <translation>Le client confirme avec un mot de passe pendant quelques secondes, puis paie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet refuses: insufficient funds</source>
        <translation>Le portefeuille refuse : fonds insuffisants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet refuses: the code expired or was already used</source>
        <translation>Le portefeuille refuse : le code a expiré ou a déjà servi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wallet&apos;s risk control refuses the payment</source>
        <translation>Le contrôle des risques du portefeuille refuse le paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gateway takes the order and never answers</source>
        <translation>La passerelle prend la commande et ne répond jamais</translation>
    </message>
</context>
<context>
    <name>paydesk::ScanScreen</name>
    <message>
        <location filename="../ui/ScanScreen.cpp" line="+98"/>
        <source>%1 · code %2</source>
        <extracomment>The wallet and the payment code&apos;s last four digits, e.g. &quot;WeChat Pay · code ****0001&quot;.</extracomment>
        <translation>%1 · code %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel  (Esc)</source>
        <translation>Annuler  (Échap)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan again  (Enter)</source>
        <translation>Balayer de nouveau  (Entrée)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not charged</source>
        <translation>Non encaissé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking with the gateway…</source>
        <translation>Vérification auprès de la passerelle…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer confirming…</source>
        <translation>Le client confirme…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The wallet refused the payment.</source>
        <translation>Le portefeuille a refusé le paiement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer is confirming the payment on their phone (password). Wait, or cancel if they cannot pay.</source>
        <translation>Le client confirme le paiement sur son téléphone (mot de passe). Attendez, ou annulez s’il ne peut pas payer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Résultat inconnu — vérification auprès de la passerelle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending the payment code to the gateway…</source>
        <translation>Envoi du code de paiement à la passerelle…</translation>
    </message>
</context>
<context>
    <name>paydesk::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+29"/>
        <source>Set up PayDesk</source>
        <translation>Configurer PayDesk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the merchant details IOTPay gave you. The merchant key is kept in the system keychain, never in a settings file.</source>
        <translation>Entrez les renseignements de marchand fournis par IOTPay. La clé marchand est conservée dans le trousseau du système, jamais dans un fichier de paramètres.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Merchant ID</source>
        <translation>Numéro de marchand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login name (jobNo)</source>
        <translation>Nom d’utilisateur (jobNo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merchant key</source>
        <translation>Clé marchand</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+38"/>
        <source>unchanged</source>
        <translation>sans changement</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Gateway URL</source>
        <translation>URL de la passerelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify URL</source>
        <translation>URL de notification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal ID</source>
        <translation>Numéro de terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store ID</source>
        <translation>Numéro de magasin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: a single counter</source>
        <translation>aucun : une seule caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a store&apos;s or chain&apos;s shared database: the store this counter belongs to (1 to 8 letters or digits), on every order it makes. Applies from the next start.</source>
        <translation>Sur la base de données partagée d’un magasin ou d’une chaîne : le magasin auquel appartient cette caisse (1 à 8 lettres ou chiffres), inscrit sur chacune de ses commandes. S’applique au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded on the sales while the store has no cashier accounts. A manager adds them in Manager (F9) → Staff; from then on each cashier signs in at the counter.</source>
        <translation>Inscrit sur les ventes tant que le magasin n&apos;a aucun compte de caisse. Un gérant les ajoute dans Gérant (F9) → Personnel; chaque personne se connecte ensuite à la caisse.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inside PayDesk</source>
        <translation>Intégré à PayDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separate service (paydesk-relay)</source>
        <translation>Service distinct (paydesk-relay)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification relay</source>
        <translation>Relais de notifications</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay port</source>
        <translation>Port du relais</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the screen, without a window frame (kiosk)</source>
        <translation>Plein écran, sans cadre de fenêtre (kiosque)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies as soon as the settings are saved. --fullscreen does the same for one run.</source>
        <translation>S&apos;applique dès l&apos;enregistrement des paramètres. --fullscreen fait de même pour une seule exécution.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter window</source>
        <translation>Fenêtre de la caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager PIN</source>
        <translation>NIP du gérant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New manager PIN</source>
        <translation>Nouveau NIP du gérant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 to 12 digits</source>
        <translation>4 à 12 chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the PIN</source>
        <translation>Répétez le NIP</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Choose a manager PIN (4 to 12 digits).</source>
        <translation>Choisissez un NIP de gérant (4 à 12 chiffres).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs differ.</source>
        <translation>Les deux NIP ne correspondent pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the merchant key.</source>
        <translation>Entrez la clé marchand.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The merchant key could not be stored: %1</source>
        <translation>La clé marchand n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No merchant key to test with: %1</source>
        <translation>Aucune clé marchand pour le test&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asking the gateway…</source>
        <translation>Interrogation de la passerelle…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>OK — the gateway accepted a signed request from this merchant.</source>
        <translation>OK — la passerelle a accepté une requête signée de ce marchand.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The merchant key is wrong: the gateway reports a signature error.</source>
        <translation>La clé marchand est erronée&#xa0;: la passerelle signale une erreur de signature.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway does not know this merchant ID.</source>
        <translation>La passerelle ne connaît pas ce numéro de marchand.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The gateway cannot be reached — check the network and the gateway URL.</source>
        <translation>La passerelle est injoignable — vérifiez le réseau et l’URL de la passerelle.</translation>
    </message>
</context>
<context>
    <name>paydesk::SignInScreen</name>
    <message>
        <location filename="../ui/SignInScreen.cpp" line="+158"/>
        <source>Choose your name first.</source>
        <translation>Choisissez d&apos;abord votre nom.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Who is selling?</source>
        <translation>Qui est à la caisse?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your PIN</source>
        <translation>Votre NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the sale</source>
        <translation>Retour à la vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
<context>
    <name>paydesk::StaffPage</name>
    <message>
        <location filename="../ui/manager/StaffPage.cpp" line="+144"/>
        <location line="+162"/>
        <source>Manager</source>
        <translation>Gérant</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+161"/>
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Only a signed-in manager can change staff accounts. Lock the manager view and sign in again.</source>
        <translation>Seul un gérant connecté peut modifier les comptes. Verrouillez la vue du gérant et reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A name is 1 to 64 letters, digits or signs.</source>
        <translation>Un nom compte de 1 à 64 lettres, chiffres ou signes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>There is already an account named %1.</source>
        <translation>Un compte nommé %1 existe déjà.</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+66"/>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>Un NIP compte de 4 à 12 chiffres.</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+66"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Les deux NIP diffèrent. Tapez deux fois le même NIP.</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>There is no manager account yet: the first account is a manager&apos;s.</source>
        <translation>Il n&apos;y a pas encore de compte de gérant : le premier compte est celui d&apos;un gérant.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 added as a manager.</source>
        <translation>%1 ajouté comme gérant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 added as a cashier.</source>
        <translation>%1 ajouté à la caisse.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+30"/>
        <source>Choose an account in the list first.</source>
        <translation>Choisissez d&apos;abord un compte dans la liste.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>%1 is the last manager. Add another manager first: without one, nobody could manage the staff.</source>
        <translation>%1 est le dernier gérant. Ajoutez d&apos;abord un autre gérant : sans gérant, personne ne pourrait gérer le personnel.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 est désactivé et ne peut plus se connecter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is enabled and can sign in again.</source>
        <translation>%1 est réactivé et peut se connecter de nouveau.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New PIN set for %1; a lock on the account is lifted.</source>
        <translation>Nouveau NIP pour %1; le verrouillage du compte est levé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a staff account</source>
        <translation>Ajouter un compte d&apos;employé</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+39"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+38"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>PIN (4 to 12 digits)</source>
        <translation>NIP (4 à 12 chiffres)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>PIN again</source>
        <translation>NIP de nouveau</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>New PIN for %1</source>
        <translation>Nouveau NIP pour %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New PIN (4 to 12 digits)</source>
        <translation>Nouveau NIP (4 à 12 chiffres)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Who may sell and manage at this store&apos;s counters. A cashier signs in at the counter (F8 switches); a manager also opens this view.</source>
        <translation>Qui peut vendre et gérer aux caisses de ce magasin. La personne à la caisse se connecte à la caisse (F8 pour changer); un gérant ouvre aussi cette vue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locked until</source>
        <translation>Verrouillé jusqu&apos;à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN…</source>
        <translation>Nouveau NIP…</translation>
    </message>
</context>
</TS>
