<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>Channel</name>
    <message>
        <location filename="../ui/ChannelStyle.cpp" line="+15"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="+29"/>
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
        <location line="+4"/>
        <source>Gateway unreachable — check the network. The sale was not charged.</source>
        <translation>Passerelle injoignable — vérifiez le réseau. La vente n’a pas été encaissée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+18"/>
        <source>Outcome unknown — checking with the gateway…</source>
        <translation>Résultat inconnu — vérification auprès de la passerelle…</translation>
    </message>
    <message>
        <location line="-17"/>
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
        <location line="+3"/>
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
        <location line="+3"/>
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
        <location line="+4"/>
        <source>The order log cannot be written. Nothing was charged. Call your installer.</source>
        <translation>Impossible d’écrire dans le journal des commandes. Rien n’a été débité. Appelez votre installateur.</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+4"/>
        <source>Something went wrong: %1</source>
        <translation>Un problème est survenu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/paydesk/main.cpp" line="+118"/>
        <location line="+49"/>
        <source>PayDesk demo</source>
        <translation>Démo PayDesk</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>PayDesk settings</source>
        <translation>Paramètres de PayDesk</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+4"/>
        <location line="+10"/>
        <source>PayDesk</source>
        <translation>PayDesk</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The order log cannot be opened: %1</source>
        <translation>Impossible d’ouvrir le journal des commandes&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The notification relay cannot start: %1</source>
        <translation>Le relais de notifications ne peut pas démarrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>paydesk::CustomerDisplay</name>
    <message>
        <location filename="../ui/CustomerDisplay.cpp" line="+46"/>
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
</context>
<context>
    <name>paydesk::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+190"/>
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
        <location line="+20"/>
        <source>Settings saved</source>
        <translation>Paramètres enregistrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway and relay changes take effect when PayDesk is restarted.</source>
        <translation>Les changements de passerelle et de relais prendront effet au redémarrage de PayDesk.</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <source>Customer display</source>
        <translation>Affichage client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>paydesk::OutcomeScreen</name>
    <message>
        <location filename="../ui/OutcomeScreen.cpp" line="+90"/>
        <source>Paid after closing</source>
        <translation>Payé après la clôture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer paid after the sale was closed. The payment is recorded; a manager can refund or keep it.</source>
        <translation>Le client a payé après la clôture de la vente. Le paiement est enregistré; un gérant peut le rembourser ou le conserver.</translation>
    </message>
    <message>
        <location line="+3"/>
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
</context>
<context>
    <name>paydesk::PaymentScreen</name>
    <message>
        <location filename="../ui/PaymentScreen.cpp" line="+108"/>
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
        <location filename="../ui/PinDialog.cpp" line="+14"/>
        <location line="+6"/>
        <source>Manager PIN</source>
        <translation>NIP du gérant</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Enter the manager PIN:</source>
        <translation>Entrez le NIP du gérant&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <location line="+5"/>
        <source>Too many wrong PINs. Locked for %n more minute(s).</source>
        <translation>
            <numerusform>Trop de NIP erronés. Verrouillé encore %n minute.</numerusform>
            <numerusform>Trop de NIP erronés. Verrouillé encore %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Wrong PIN. %n attempt(s) left before a 30-minute lock.</source>
        <translation>
            <numerusform>NIP erroné. Il reste %n essai avant un verrouillage de 30 minutes.</numerusform>
            <numerusform>NIP erroné. Il reste %n essais avant un verrouillage de 30 minutes.</numerusform>
        </translation>
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
    <name>paydesk::SaleScreen</name>
    <message>
        <location filename="../ui/SaleScreen.cpp" line="+261"/>
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
</context>
<context>
    <name>paydesk::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+26"/>
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
        <location line="+6"/>
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
        <location line="+26"/>
        <source>unchanged</source>
        <translation>sans changement</translation>
    </message>
    <message>
        <location line="-25"/>
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
        <source>Cashier</source>
        <translation>Personne à la caisse</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+10"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+43"/>
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
        <location line="+53"/>
        <source>The merchant key could not be stored: %1</source>
        <translation>La clé marchand n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No merchant key to test with: %1</source>
        <translation>Aucune clé marchand pour le test&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking the gateway…</source>
        <translation>Interrogation de la passerelle…</translation>
    </message>
    <message>
        <location line="+5"/>
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
</TS>
