<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountAssistant</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
</context>
<context>
    <name>AccountSession</name>
    <message>
        <source>The folder cannot be opened: %1</source>
        <translation>Impossible d&apos;ouvrir le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>There are no credentials for this account.</source>
        <translation>Il n&apos;y a pas d&apos;identifiants pour ce compte.</translation>
    </message>
    <message>
        <source>The account was closed.</source>
        <translation>Le compte a été fermé.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Aucun compte ne s&apos;appelle %1.</translation>
    </message>
</context>
<context>
    <name>AccountSessions</name>
    <message>
        <source>This message belongs to no account any more.</source>
        <translation>Ce message n&apos;appartient plus à aucun compte.</translation>
    </message>
    <message>
        <source>That account is no longer there.</source>
        <translation>Ce compte n&apos;existe plus.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Cannot save the account %1: %2</source>
        <translation>Impossible d&apos;enregistrer le compte %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The account %1 no longer exists.</source>
        <translation>Le compte %1 n’existe plus.</translation>
    </message>
    <message>
        <source>Cannot save the identity %1: %2</source>
        <translation>Impossible d’enregistrer l’identité %1 : %2</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Cannot open the mail database %1: %2</source>
        <translation>Impossible d&apos;ouvrir la base de courrier %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot read the folders: %1</source>
        <translation>Impossible de lire les dossiers&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>Cannot save the settings to %1.</source>
        <translation>Impossible d&apos;enregistrer les paramètres dans %1.</translation>
    </message>
</context>
<context>
    <name>BodyFetch</name>
    <message>
        <source>The message is no longer in the local cache.</source>
        <translation>Le message n&apos;est plus dans le cache local.</translation>
    </message>
    <message>
        <source>The folder cannot be opened: %1</source>
        <translation>Impossible d&apos;ouvrir le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message was deleted on the server.</source>
        <translation>Le message a été supprimé sur le serveur.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>Incoming mail (IMAP): %1</source>
        <translation>Courrier entrant (IMAP)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP): %1</source>
        <translation>Courrier sortant (SMTP)&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>The server refused the password.</source>
        <translation>Le serveur a refusé le mot de passe.</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Aucun mot de passe n’a été fourni.</translation>
    </message>
</context>
<context>
    <name>FlagStore</name>
    <message>
        <source>The message is no longer in the local cache.</source>
        <translation>Le message n&apos;est plus dans le cache local.</translation>
    </message>
</context>
<context>
    <name>FolderChange</name>
    <message>
        <source>A folder needs a name.</source>
        <translation>Un dossier doit avoir un nom.</translation>
    </message>
    <message>
        <source>A folder name cannot contain “%1”.</source>
        <translation>Un nom de dossier ne peut pas contenir « %1 ».</translation>
    </message>
    <message>
        <source>There is a folder named “%1” already.</source>
        <translation>Il existe déjà un dossier « %1 ».</translation>
    </message>
    <message>
        <source>That folder is no longer there.</source>
        <translation>Ce dossier n&apos;existe plus.</translation>
    </message>
    <message>
        <source>“%1” is one of the folders Mailtrail relies on; it keeps its name.</source>
        <translation>« %1 » est l’un des dossiers dont Mailtrail a besoin ; il garde son nom.</translation>
    </message>
</context>
<context>
    <name>Mailto</name>
    <message>
        <source>%1 is not a mailto: link.</source>
        <translation>%1 n&apos;est pas un lien mailto:.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Mime::ReplyComposer</name>
    <message>
        <source>an unknown date</source>
        <translation>une date inconnue</translation>
    </message>
    <message>
        <source>ddd, d MMM yyyy hh:mm</source>
        <comment>QDateTime format of the date in a reply&apos;s attribution line and a forwarded message&apos;s header block; day and month names are in the user&apos;s language</comment>
        <translation>ddd d MMM yyyy HH:mm</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <comment>a reply&apos;s attribution line: %1 the date, %2 the sender</comment>
        <translation>Le %1, %2 a écrit&#xa0;:</translation>
    </message>
    <message>
        <source>-------- Forwarded Message --------</source>
        <translation>-------- Message transféré --------</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Sujet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date&#xa0;: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De&#xa0;: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Pour&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Copie à&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Models::MessageListModel</name>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Models::TrackingModel</name>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n refusé</numerusform>
            <numerusform>%n refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted</source>
        <translation>
            <numerusform>%n accepté</numerusform>
            <numerusform>%n acceptés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delayed</source>
        <translation>
            <numerusform>%n retardé</numerusform>
            <numerusform>%n retardés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relayed</source>
        <translation>
            <numerusform>%n relayé</numerusform>
            <numerusform>%n relayés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expanded</source>
        <translation>
            <numerusform>%n remis à la liste</numerusform>
            <numerusform>%n remis à la liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivered</source>
        <translation>
            <numerusform>%n remis</numerusform>
            <numerusform>%n remis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dispatched</source>
        <translation>
            <numerusform>%n expédié</numerusform>
            <numerusform>%n expédiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processed</source>
        <translation>
            <numerusform>%n traité</numerusform>
            <numerusform>%n traités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n supprimé sans lecture</numerusform>
            <numerusform>%n supprimés sans lecture</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n displayed</source>
        <translation>
            <numerusform>%n lu</numerusform>
            <numerusform>%n lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replied</source>
        <translation>
            <numerusform>%n a répondu</numerusform>
            <numerusform>%n ont répondu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %n)</source>
        <translation>
            <numerusform>%1 (%2 sur %n)</numerusform>
            <numerusform>%1 (%2 sur %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Message / recipient</source>
        <translation>Message / destinataire</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>But also: %1</source>
        <translation>Mais aussi : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) that may be about this message, not confirmed.</source>
        <translation>
            <numerusform>%n rapport qui concerne peut-être ce message, non confirmé.</numerusform>
            <numerusform>%n rapports qui concernent peut-être ce message, non confirmés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent from another program (no delivery reports were requested).</source>
        <translation>Envoyé depuis un autre programme (aucun accusé de remise n’a été demandé).</translation>
    </message>
</context>
<context>
    <name>Mailtrail::OAuth</name>
    <message>
        <source>&apos;%1&apos; is not a web address.</source>
        <translation>« %1 » n&apos;est pas une adresse web.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses http: only a loopback address (127.0.0.1, ::1) may; use https.</source>
        <translation>« %1 » utilise http : seule une adresse de bouclage (127.0.0.1, ::1) le peut ; utilisez https.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an https address.</source>
        <translation>« %1 » n&apos;est pas une adresse https.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 est injoignable : %2</translation>
    </message>
    <message>
        <source>%1 refused the sign-in (%2).</source>
        <translation>%1 a refusé la connexion (%2).</translation>
    </message>
    <message>
        <source>%1 refused the sign-in (%2: %3).</source>
        <translation>%1 a refusé la connexion (%2 : %3).</translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2 instead of tokens.</source>
        <translation>%1 a répondu par le statut HTTP %2 au lieu de jetons.</translation>
    </message>
    <message>
        <source>%1 sent an answer that is not a token response (%2).</source>
        <translation>%1 a envoyé une réponse qui n&apos;est pas une réponse de jetons (%2).</translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>pas de type de contenu</translation>
    </message>
    <message>
        <source>This build of Mailtrail has no client ID for %1 (the packager sets it with the CMake option %2). Register Mailtrail with %1 yourself and enter that client ID for this account (CLI: --client-id).</source>
        <translation>Cette version de Mailtrail n&apos;a pas d&apos;identifiant client pour %1 (l&apos;empaqueteur le définit avec l&apos;option CMake %2). Enregistrez vous-même Mailtrail auprès de %1 et saisissez cet identifiant client pour ce compte (CLI : --client-id).</translation>
    </message>
    <message>
        <source>No OAuth2 provider is set for this account.</source>
        <translation>Aucun fournisseur OAuth2 n&apos;est défini pour ce compte.</translation>
    </message>
    <message>
        <source>Signing in at %1 needs the client ID that the provider registered for Mailtrail (CLI: --client-id).</source>
        <translation>La connexion à %1 nécessite l&apos;identifiant client que le fournisseur a enregistré pour Mailtrail (CLI : --client-id).</translation>
    </message>
</context>
<context>
    <name>Mailtrail::OAuth::Discovery</name>
    <message>
        <source>the metadata is not a JSON object</source>
        <translation>les métadonnées ne sont pas un objet JSON</translation>
    </message>
    <message>
        <source>the metadata names another issuer (%1)</source>
        <translation>les métadonnées désignent un autre émetteur (%1)</translation>
    </message>
    <message>
        <source>the metadata lacks the authorization or token endpoint</source>
        <translation>il manque aux métadonnées le point d&apos;autorisation ou de jeton</translation>
    </message>
    <message>
        <source>The sign-in settings of %1 could not be read: %2</source>
        <translation>Les paramètres de connexion de %1 n&apos;ont pas pu être lus : %2</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>statut HTTP %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::OAuth::SignIn</name>
    <message>
        <source>Nobody came back from the browser in time; the sign-in was given up.</source>
        <translation>Aucune réponse n&apos;est revenue du navigateur à temps ; la connexion a été abandonnée.</translation>
    </message>
    <message>
        <source>Mailtrail cannot listen on 127.0.0.1 for the browser&apos;s answer.</source>
        <translation>Mailtrail ne peut pas écouter sur 127.0.0.1 la réponse du navigateur.</translation>
    </message>
    <message>
        <source>Mailtrail has received the answer. You can close this page.</source>
        <translation>Mailtrail a reçu la réponse. Vous pouvez fermer cette page.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>The answer that reached Mailtrail does not belong to this sign-in (its state is wrong). Nothing was saved; please sign in again.</source>
        <translation>La réponse reçue par Mailtrail n&apos;appartient pas à cette connexion (son « state » est faux). Rien n&apos;a été enregistré ; veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>The sign-in at %1 was denied or cancelled (%2).</source>
        <translation>La connexion à %1 a été refusée ou annulée (%2).</translation>
    </message>
    <message>
        <source>%1 did not sign you in (%2).</source>
        <translation>%1 ne vous a pas connecté (%2).</translation>
    </message>
    <message>
        <source>%1 sent no authorization code.</source>
        <translation>%1 n&apos;a envoyé aucun code d&apos;autorisation.</translation>
    </message>
    <message>
        <source>%1 gave no refresh token, so Mailtrail could not stay signed in (does the client allow offline access?).</source>
        <translation>%1 n&apos;a fourni aucun jeton de rafraîchissement, Mailtrail ne peut donc pas rester connecté (le client autorise-t-il l&apos;accès hors ligne ?).</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Pdf</name>
    <message>
        <source>The PDF uses compressed cross-reference streams, which cannot be updated.</source>
        <translation>Le PDF utilise des flux de références croisées compressés, qui ne peuvent pas être complétés.</translation>
    </message>
    <message>
        <source>The PDF&apos;s cross-reference table is missing or damaged.</source>
        <translation>La table des références croisées du PDF est absente ou endommagée.</translation>
    </message>
    <message>
        <source>The PDF&apos;s trailer is missing or damaged.</source>
        <translation>Le trailer du PDF est absent ou endommagé.</translation>
    </message>
    <message>
        <source>The file is not a PDF.</source>
        <translation>Le fichier n’est pas un PDF.</translation>
    </message>
    <message>
        <source>The PDF has no valid startxref: it is truncated or damaged.</source>
        <translation>Le PDF n’a pas de startxref valide&#xa0;: il est tronqué ou endommagé.</translation>
    </message>
    <message>
        <source>The PDF is encrypted.</source>
        <translation>Le PDF est chiffré.</translation>
    </message>
    <message>
        <source>The PDF&apos;s document catalog is missing or damaged.</source>
        <translation>Le catalogue du document PDF est absent ou endommagé.</translation>
    </message>
    <message>
        <source>The PDF already has a name dictionary; files cannot be added to it.</source>
        <translation>Le PDF a déjà un dictionnaire de noms&#xa0;; impossible d’y ajouter des fichiers.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Sync</name>
    <message>
        <source>The sent message is no longer tracked.</source>
        <translation>Le message envoyé n’est plus suivi.</translation>
    </message>
    <message>
        <source>No recipient of this message failed.</source>
        <translation>Aucun destinataire de ce message n’a échoué.</translation>
    </message>
    <message>
        <source>The text of the original message is not available any more.</source>
        <translation>Le texte du message d’origine n’est plus disponible.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Sync::OAuth2Credentials</name>
    <message>
        <source>The server refused the renewed sign-in of &apos;%1&apos;; please sign in again.</source>
        <translation>Le serveur a refusé la connexion renouvelée de « %1 » ; veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>No sign-in is stored for &apos;%1&apos;.</source>
        <translation>Aucune connexion n&apos;est enregistrée pour « %1 ».</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Sync::PasswordStore</name>
    <message>
        <source>The keyring is locked, so Mailtrail cannot read or keep passwords in it. Unlock it (for example by logging in to the desktop again), or enter the password for this session.</source>
        <translation>Le trousseau est verrouillé&#xa0;: Mailtrail ne peut ni y lire ni y garder de mots de passe. Déverrouillez-le (par exemple en vous reconnectant au bureau) ou saisissez le mot de passe pour cette session.</translation>
    </message>
    <message>
        <source>The password is kept for this session only.</source>
        <translation>Le mot de passe n’est gardé que pour cette session.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Tracking</name>
    <message>
        <source>no further detail was given</source>
        <translation>aucun détail n&apos;a été donné</translation>
    </message>
    <message>
        <source>a problem with the address</source>
        <translation>un problème d&apos;adresse</translation>
    </message>
    <message>
        <source>the mailbox does not exist</source>
        <translation>la boîte aux lettres n&apos;existe pas</translation>
    </message>
    <message>
        <source>the recipient&apos;s domain does not exist or accepts no mail</source>
        <translation>le domaine du destinataire n&apos;existe pas ou n&apos;accepte pas de courrier</translation>
    </message>
    <message>
        <source>the recipient address is malformed</source>
        <translation>l&apos;adresse du destinataire est mal formée</translation>
    </message>
    <message>
        <source>the recipient has moved and left no forwarding address</source>
        <translation>le destinataire a déménagé sans laisser d&apos;adresse de réexpédition</translation>
    </message>
    <message>
        <source>the sender address is malformed</source>
        <translation>l&apos;adresse de l&apos;expéditeur est mal formée</translation>
    </message>
    <message>
        <source>the sender&apos;s domain is not accepted</source>
        <translation>le domaine de l&apos;expéditeur n&apos;est pas accepté</translation>
    </message>
    <message>
        <source>the recipient&apos;s domain accepts no mail (null MX)</source>
        <translation>le domaine du destinataire n&apos;accepte pas de courrier (MX nul)</translation>
    </message>
    <message>
        <source>a problem with the recipient&apos;s mailbox</source>
        <translation>un problème avec la boîte aux lettres du destinataire</translation>
    </message>
    <message>
        <source>the mailbox is disabled</source>
        <translation>la boîte aux lettres est désactivée</translation>
    </message>
    <message>
        <source>the mailbox is full</source>
        <translation>la boîte aux lettres est pleine</translation>
    </message>
    <message>
        <source>the message is too large for the recipient</source>
        <translation>le message est trop volumineux pour le destinataire</translation>
    </message>
    <message>
        <source>a mailing list could not be expanded</source>
        <translation>une liste de diffusion n&apos;a pas pu être développée</translation>
    </message>
    <message>
        <source>a problem with the receiving mail system</source>
        <translation>un problème avec le système de messagerie destinataire</translation>
    </message>
    <message>
        <source>the receiving mail system is full</source>
        <translation>le système de messagerie destinataire est plein</translation>
    </message>
    <message>
        <source>the receiving mail system is not accepting mail</source>
        <translation>le système de messagerie destinataire n&apos;accepte pas de courrier</translation>
    </message>
    <message>
        <source>the message is too large for the receiving system</source>
        <translation>le message est trop volumineux pour le système destinataire</translation>
    </message>
    <message>
        <source>a network or routing problem</source>
        <translation>un problème de réseau ou de routage</translation>
    </message>
    <message>
        <source>the receiving server did not answer</source>
        <translation>le serveur destinataire n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>the connection to the receiving server broke</source>
        <translation>la connexion au serveur destinataire a été interrompue</translation>
    </message>
    <message>
        <source>a DNS lookup failed</source>
        <translation>une requête DNS a échoué</translation>
    </message>
    <message>
        <source>no route to the recipient&apos;s domain</source>
        <translation>aucune route vers le domaine du destinataire</translation>
    </message>
    <message>
        <source>a mail loop was detected</source>
        <translation>une boucle de messagerie a été détectée</translation>
    </message>
    <message>
        <source>the message was too old to deliver</source>
        <translation>le message était trop ancien pour être remis</translation>
    </message>
    <message>
        <source>a protocol problem between mail servers</source>
        <translation>un problème de protocole entre serveurs de messagerie</translation>
    </message>
    <message>
        <source>too many recipients</source>
        <translation>trop de destinataires</translation>
    </message>
    <message>
        <source>a problem with the message content</source>
        <translation>un problème avec le contenu du message</translation>
    </message>
    <message>
        <source>the message could not be converted for the recipient</source>
        <translation>le message n&apos;a pas pu être converti pour le destinataire</translation>
    </message>
    <message>
        <source>the recipient&apos;s system cannot take international addresses</source>
        <translation>le système du destinataire n&apos;accepte pas les adresses internationales</translation>
    </message>
    <message>
        <source>refused by a security policy</source>
        <translation>refusé par une politique de sécurité</translation>
    </message>
    <message>
        <source>the sender is not allowed to deliver to this recipient</source>
        <translation>l&apos;expéditeur n&apos;est pas autorisé à écrire à ce destinataire</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>l&apos;authentification a échoué</translation>
    </message>
    <message>
        <source>the sender&apos;s SPF check failed</source>
        <translation>la vérification SPF de l&apos;expéditeur a échoué</translation>
    </message>
    <message>
        <source>the sending server&apos;s reverse DNS is missing</source>
        <translation>le DNS inverse du serveur d&apos;envoi est absent</translation>
    </message>
    <message>
        <source>the message failed sender authentication (SPF/DKIM/DMARC)</source>
        <translation>le message a échoué à l&apos;authentification de l&apos;expéditeur (SPF/DKIM/DMARC)</translation>
    </message>
    <message>
        <source>other or undefined problem</source>
        <translation>problème autre ou non défini</translation>
    </message>
    <message>
        <source>addressing problem</source>
        <translation>problème d&apos;adressage</translation>
    </message>
    <message>
        <source>mailbox problem</source>
        <translation>problème de boîte aux lettres</translation>
    </message>
    <message>
        <source>mail system problem</source>
        <translation>problème du système de messagerie</translation>
    </message>
    <message>
        <source>network or routing problem</source>
        <translation>problème de réseau ou de routage</translation>
    </message>
    <message>
        <source>protocol problem</source>
        <translation>problème de protocole</translation>
    </message>
    <message>
        <source>message content problem</source>
        <translation>problème de contenu du message</translation>
    </message>
    <message>
        <source>security or policy problem</source>
        <translation>problème de sécurité ou de politique</translation>
    </message>
    <message>
        <source>success</source>
        <translation>succès</translation>
    </message>
    <message>
        <source>temporary problem</source>
        <translation>problème temporaire</translation>
    </message>
    <message>
        <source>permanent failure</source>
        <translation>échec définitif</translation>
    </message>
    <message>
        <source>Queued in the outbox.</source>
        <translation>Placé dans la boîte d&apos;envoi.</translation>
    </message>
    <message>
        <source>Accepted by the outgoing mail server.</source>
        <translation>Accepté par le serveur d&apos;envoi.</translation>
    </message>
    <message>
        <source>Refused by the outgoing mail server</source>
        <translation>Refusé par le serveur d&apos;envoi</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Retardé</translation>
    </message>
    <message>
        <source>The mail system keeps trying until %1.</source>
        <translation>Le système de messagerie réessaie jusqu&apos;au %1.</translation>
    </message>
    <message>
        <source>The mail system keeps trying.</source>
        <translation>Le système de messagerie continue de réessayer.</translation>
    </message>
    <message>
        <source>Passed on to a server that cannot report; no further reports will come.</source>
        <translation>Transmis à un serveur qui ne peut pas envoyer de rapport&#xa0;; aucun autre rapport ne viendra.</translation>
    </message>
    <message>
        <source>Passed on by %1 to a server that cannot report; no further reports will come.</source>
        <translation>Transmis par %1 à un serveur qui ne peut pas envoyer de rapport&#xa0;; aucun autre rapport ne viendra.</translation>
    </message>
    <message>
        <source>Delivered to a mailing list or alias, which passes it on to its members.</source>
        <translation>Remis à une liste de diffusion ou à un alias, qui le transmet à ses membres.</translation>
    </message>
    <message>
        <source>Delivered to the recipient&apos;s mailbox.</source>
        <translation>Remis dans la boîte aux lettres du destinataire.</translation>
    </message>
    <message>
        <source>Delivered to the recipient&apos;s mailbox by %1.</source>
        <translation>Remis dans la boîte aux lettres du destinataire par %1.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>(from a non-standard bounce message)</source>
        <translation>(d’après un message de non-remise non standard)</translation>
    </message>
    <message>
        <source>Displayed to the recipient (receipt sent automatically).</source>
        <translation>Lu par le destinataire (accusé envoyé automatiquement).</translation>
    </message>
    <message>
        <source>Displayed to the recipient.</source>
        <translation>Lu par le destinataire.</translation>
    </message>
    <message>
        <source>Deleted by the recipient without being displayed.</source>
        <translation>Supprimé par le destinataire sans avoir été lu.</translation>
    </message>
    <message>
        <source>Handled by the recipient&apos;s mail program without being displayed (printed, faxed or forwarded).</source>
        <translation>Traité par le logiciel de messagerie du destinataire sans avoir été lu (imprimé, faxé ou transféré).</translation>
    </message>
    <message>
        <source>Processed by the recipient&apos;s mail program without being displayed.</source>
        <translation>Traité par le logiciel de messagerie du destinataire sans avoir été lu.</translation>
    </message>
    <message>
        <source>The recipient replied.</source>
        <translation>Le destinataire a répondu.</translation>
    </message>
    <message>
        <source>Waiting in the outbox.</source>
        <translation>En attente dans la boîte d&apos;envoi.</translation>
    </message>
    <message>
        <source>Refused by the outgoing mail server; it was not sent to this recipient.</source>
        <translation>Refusé par le serveur d&apos;envoi&#xa0;; rien n&apos;a été envoyé à ce destinataire.</translation>
    </message>
    <message>
        <source>Accepted by the outgoing mail server; no report yet.</source>
        <translation>Accepté par le serveur d&apos;envoi&#xa0;; pas encore de rapport.</translation>
    </message>
    <message>
        <source>Delayed; the mail system is still trying.</source>
        <translation>Retardé&#xa0;; le système de messagerie réessaie encore.</translation>
    </message>
    <message>
        <source>Passed to a server that cannot report; no further reports will come.</source>
        <translation>Transmis à un serveur qui ne peut pas envoyer de rapport&#xa0;; aucun autre rapport ne viendra.</translation>
    </message>
    <message>
        <source>Delivered to a mailing list or alias.</source>
        <translation>Remis à une liste de diffusion ou à un alias.</translation>
    </message>
    <message>
        <source>Could not be delivered.</source>
        <translation>N&apos;a pas pu être remis.</translation>
    </message>
    <message>
        <source>Handled by the recipient&apos;s mail program without being displayed.</source>
        <translation>Traité par le logiciel de messagerie du destinataire sans avoir été lu.</translation>
    </message>
    <message>
        <source>A report was requested but none has come in time.</source>
        <translation>Un rapport a été demandé mais aucun n&apos;est arrivé à temps.</translation>
    </message>
    <message>
        <source>: %1 (%2)</source>
        <comment>appended to a state: &apos;Failed: the mailbox is full (5.2.2).&apos;</comment>
        <translation>&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>no key matched; same recipient (%1) and subject (%2) as the message sent %3</source>
        <translation>aucune clé ne correspond ; même destinataire (%1) et même objet (%2) que le message envoyé le %3</translation>
    </message>
    <message>
        <source>no key matched; same recipient (%1) as the message sent %2, within %3 days before the report</source>
        <translation>aucune clé ne correspond ; même destinataire (%1) que le message envoyé le %2, dans les %3 jours avant le rapport</translation>
    </message>
    <message numerus="yes">
        <source> (%n messages to that recipient fit)</source>
        <translation>
            <numerusform> (%n message à ce destinataire correspond)</numerusform>
            <numerusform> (%n messages à ce destinataire correspondent)</numerusform>
        </translation>
    </message>
    <message>
        <source>A report that may be about this message (not confirmed, it changes nothing until you confirm it): %1</source>
        <translation>Un rapport qui concerne peut-être ce message (non confirmé ; il ne change rien tant que vous ne l’avez pas confirmé) : %1</translation>
    </message>
    <message>
        <source>a bounce without machine-readable fields, read from its text (%1% sure)</source>
        <translation>un rapport de non-remise sans champs lisibles par machine, lu dans son texte (sûr à %1 %)</translation>
    </message>
    <message>
        <source>Deferred by your mail server: %1. Mailtrail tries again.</source>
        <translation>Différé par votre serveur d&apos;envoi&#xa0;: %1. Mailtrail réessaiera.</translation>
    </message>
    <message>
        <source>Marked as sent by you.</source>
        <translation>Marqué comme envoyé par vous.</translation>
    </message>
    <message>
        <source>Discarded by you; it was not sent.</source>
        <translation>Abandonné par vous&#xa0;; il n&apos;a pas été envoyé.</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed on %1: %2 (report from %3)</source>
        <translation>Échec le %1 : %2 (rapport de %3)</translation>
    </message>
    <message>
        <source>Refused on %1: %2 (by the submission server)</source>
        <translation>Refusé le %1 : %2 (par le serveur d’envoi)</translation>
    </message>
    <message>
        <source>Failed on %1: %2</source>
        <translation>Échec le %1 : %2</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>distribué</translation>
    </message>
    <message>
        <source>delivered today</source>
        <translation>distribué aujourd’hui</translation>
    </message>
    <message>
        <source>delivered yesterday</source>
        <translation>distribué hier</translation>
    </message>
    <message numerus="yes">
        <source>delivered %n days ago</source>
        <translation>
            <numerusform>distribué il y a %n jour</numerusform>
            <numerusform>distribué il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>répondu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>failed %1</source>
        <translation>échec %1</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>refused %1</source>
        <translation>refusé %1</translation>
    </message>
    <message>
        <source>delayed</source>
        <translation>retardé</translation>
    </message>
    <message>
        <source>no report (overdue)</source>
        <translation>aucun rapport (en retard)</translation>
    </message>
    <message>
        <source>accepted, no report yet</source>
        <translation>accepté, pas encore de rapport</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en file d’attente</translation>
    </message>
    <message>
        <source>Sent %1, delivered %2, read %3, failed %4</source>
        <translation>Envoyés %1, distribués %2, lus %3, en échec %4</translation>
    </message>
    <message>
        <source>Last outcome: %1</source>
        <translation>Dernier résultat : %1</translation>
    </message>
    <message>
        <source>Median time to delivery: %1</source>
        <translation>Délai médian de distribution : %1</translation>
    </message>
    <message>
        <source>Median time to read: %1</source>
        <translation>Délai médian de lecture : %1</translation>
    </message>
    <message>
        <source>Sent from another program (no delivery reports were requested).</source>
        <translation>Envoyé depuis un autre programme (aucun accusé de remise n’a été demandé).</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Vouliez-vous dire %1 ?</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>Submission server (SMTP)</source>
        <translation>Serveur d’envoi (SMTP)</translation>
    </message>
    <message>
        <source>Delivery report (DSN)</source>
        <translation>Rapport de remise (DSN)</translation>
    </message>
    <message>
        <source>Bounce message</source>
        <translation>Message de non-remise</translation>
    </message>
    <message>
        <source>Read receipt (MDN)</source>
        <translation>Accusé de lecture (MDN)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Sent folder</source>
        <translation>Dossier Envoyés</translation>
    </message>
    <message>
        <source>Proof of delivery</source>
        <translation>Preuve de remise</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <source>Envelope ID (ENVID)</source>
        <translation>Identifiant d’enveloppe (ENVID)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Proof made</source>
        <translation>Preuve établie</translation>
    </message>
    <message>
        <source>The outgoing server did not support delivery reports (DSN) for this message. Failures that came back as bounces and read receipts are shown, but delivery cannot be proven.</source>
        <translation>Le serveur d’envoi ne prenait pas en charge les rapports de remise (DSN) pour ce message. Les échecs revenus comme messages de non-remise et les accusés de lecture sont indiqués, mais la remise ne peut pas être prouvée.</translation>
    </message>
    <message>
        <source>All times are given as %1.</source>
        <translation>Toutes les heures sont données en %1.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>recipient — state</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Server said: %1</source>
        <translation>Le serveur a répondu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reply code: %1 %2</source>
        <translation>Code de réponse&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>Signalé par&#xa0;: %1</translation>
    </message>
    <message>
        <source>Why it may be about this message: %1</source>
        <translation>Pourquoi il pourrait concerner ce message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Dated by the reporting server: %1</source>
        <translation>Daté par le serveur qui l’a signalé&#xa0;: %1</translation>
    </message>
    <message>
        <source>matched by %1, %2% sure</source>
        <translation>associé par %1, sûr à %2&#xa0;%</translation>
    </message>
    <message>
        <source>possible, not confirmed</source>
        <translation>possible, non confirmé</translation>
    </message>
    <message>
        <source>confirmed by the user on %1</source>
        <translation>confirmé par l’utilisateur le %1</translation>
    </message>
    <message>
        <source>attachment %1 (%2)</source>
        <translation>pièce jointe %1 (%2)</translation>
    </message>
    <message>
        <source>Appendix: the reports as received</source>
        <translation>Annexe&#xa0;: les rapports tels que reçus</translation>
    </message>
    <message>
        <source>Each report is also attached to this PDF as a file, byte for byte as it was received.</source>
        <translation>Chaque rapport est aussi joint à ce PDF sous forme de fichier, octet pour octet tel qu’il a été reçu.</translation>
    </message>
    <message>
        <source>Attachment %1: %2</source>
        <translation>Pièce jointe %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Received %1 from %2</source>
        <translation>Reçu le %1 de %2</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256&#xa0;: %1</translation>
    </message>
    <message>
        <source>Report received %1</source>
        <translation>Rapport reçu le %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AccountAssistant</name>
    <message>
        <source>Add Mail Account</source>
        <translation>Ajouter un compte de messagerie</translation>
    </message>
    <message>
        <source>Your mail address</source>
        <translation>Votre adresse électronique</translation>
    </message>
    <message>
        <source>Mailtrail will look up the settings of your provider.</source>
        <translation>Mailtrail va rechercher les paramètres de votre fournisseur.</translation>
    </message>
    <message>
        <source>Alice Example</source>
        <translation>Alice Exemple</translation>
    </message>
    <message>
        <source>alice@example.org</source>
        <translation>alice@example.org</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <source>Mail &amp;address:</source>
        <translation>&amp;Adresse électronique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>Paramètres des serveurs</translation>
    </message>
    <message>
        <source>Pick the settings found for your address, or enter them by hand.</source>
        <translation>Choisissez les paramètres trouvés pour votre adresse, ou saisissez-les à la main.</translation>
    </message>
    <message>
        <source>&amp;Found:</source>
        <translation>&amp;Trouvés&#xa0;:</translation>
    </message>
    <message>
        <source>Incoming (&amp;IMAP):</source>
        <translation>Entrant (&amp;IMAP)&#xa0;:</translation>
    </message>
    <message>
        <source>Outgoing (&amp;SMTP):</source>
        <translation>Sortant (&amp;SMTP)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Account &amp;label:</source>
        <translation>&amp;Libellé du compte&#xa0;:</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Mailtrail logs in to both servers once to check the settings.</source>
        <translation>Mailtrail se connecte une fois aux deux serveurs pour vérifier les paramètres.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Looking up the settings for %1…</source>
        <translation>Recherche des paramètres pour %1…</translation>
    </message>
    <message>
        <source>published by the provider</source>
        <translation>publiés par le fournisseur</translation>
    </message>
    <message>
        <source>from DNS</source>
        <translation>depuis le DNS</translation>
    </message>
    <message>
        <source>guess</source>
        <translation>supposition</translation>
    </message>
    <message>
        <source>%1 and %2 (%3)</source>
        <translation>%1 et %2 (%3)</translation>
    </message>
    <message>
        <source>No settings were found for this address. Enter them by hand.</source>
        <translation>Aucun paramètre n&apos;a été trouvé pour cette adresse. Saisissez-les à la main.</translation>
    </message>
    <message>
        <source>Your provider publishes no settings; these are common guesses.</source>
        <translation>Votre fournisseur ne publie aucun paramètre&#xa0;; voici des suppositions courantes.</translation>
    </message>
    <message>
        <source>Settings found (%1).</source>
        <translation>Paramètres trouvés (%1).</translation>
    </message>
    <message>
        <source>Testing is not available here; the settings are checked at the first sync.</source>
        <translation>Le test n&apos;est pas disponible ici&#xa0;; les paramètres seront vérifiés à la première synchronisation.</translation>
    </message>
    <message>
        <source>Connecting to %1 and %2…</source>
        <translation>Connexion à %1 et %2…</translation>
    </message>
    <message>
        <source>Both servers accepted the settings.</source>
        <translation>Les deux serveurs ont accepté les paramètres.</translation>
    </message>
    <message>
        <source>Both servers accepted the settings. Note: the outgoing server does not offer delivery reports, so Mailtrail can only show that it accepted your mail.</source>
        <translation>Les deux serveurs ont accepté les paramètres. Remarque&#xa0;: le serveur d&apos;envoi ne propose pas d&apos;accusés de livraison, Mailtrail pourra donc seulement montrer qu&apos;il a accepté votre courrier.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Le certificat de %1 n&apos;est pas de confiance.</translation>
    </message>
    <message>
        <source>The certificate was rejected, so Mailtrail will not connect to this server.</source>
        <translation>Le certificat a été rejeté, Mailtrail ne se connectera donc pas à ce serveur.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Le test a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Pas encore testé.</translation>
    </message>
    <message>
        <source>&amp;Add the account anyway (the settings are checked at the first sync)</source>
        <translation>&amp;Ajouter le compte quand même (les réglages seront vérifiés à la première synchronisation)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign in with Google</source>
        <translation>Se connecter avec Google</translation>
    </message>
    <message>
        <source>Sign in with Microsoft</source>
        <translation>Se connecter avec Microsoft</translation>
    </message>
    <message>
        <source>Another OAuth2 provider</source>
        <translation>Un autre fournisseur OAuth2</translation>
    </message>
    <message>
        <source>https://sso.example.org/realms/mail</source>
        <translation>https://sso.example.org/realms/mail</translation>
    </message>
    <message>
        <source>optional: the client ID of your own registration</source>
        <translation>facultatif : l&apos;identifiant client de votre propre enregistrement</translation>
    </message>
    <message>
        <source>The password, or the sign-in, is kept in your desktop&apos;s keychain, never in a file.</source>
        <translation>Le mot de passe, ou la connexion, est conservé dans le trousseau de votre bureau, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>&amp;Méthode de connexion :</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>URL de l&apos;é&amp;metteur :</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>I&amp;dentifiant client :</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AccountEditor</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>(new identity)</source>
        <translation>(nouvelle identité)</translation>
    </message>
    <message>
        <source>%1 (the account&apos;s address)</source>
        <translation>%1 (l’adresse du compte)</translation>
    </message>
    <message>
        <source>Edit Account %1</source>
        <translation>Modifier le compte %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Nom du compte :</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>&amp;Mail address:</source>
        <translation>&amp;Adresse électronique :</translation>
    </message>
    <message>
        <source>&amp;Incoming (IMAP):</source>
        <translation>&amp;Réception (IMAP) :</translation>
    </message>
    <message>
        <source>&amp;Outgoing (SMTP):</source>
        <translation>&amp;Envoi (SMTP) :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>A&amp;dd Identity</source>
        <translation>A&amp;jouter une identité</translation>
    </message>
    <message>
        <source>&amp;Remove Identity</source>
        <translation>&amp;Supprimer l’identité</translation>
    </message>
    <message>
        <source>replies go to the address above</source>
        <translation>les réponses vont à l’adresse ci-dessus</translation>
    </message>
    <message>
        <source>Plain text. Mailtrail puts the “-- ” line above it.</source>
        <translation>Texte brut. Mailtrail place la ligne « -- » au-dessus.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>Displa&amp;y name:</source>
        <translation>Nom a&amp;ffiché :</translation>
    </message>
    <message>
        <source>Reply-&amp;To:</source>
        <translation>Répondre &amp;à :</translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation>Si&amp;gnature :</translation>
    </message>
    <message>
        <source>“%1” is not a mail address.</source>
        <translation>« %1 » n’est pas une adresse électronique.</translation>
    </message>
    <message>
        <source>Enter the incoming and the outgoing server.</source>
        <translation>Saisissez le serveur de réception et le serveur d’envoi.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Saisissez le nom d’utilisateur.</translation>
    </message>
    <message>
        <source>The address %1 is listed twice.</source>
        <translation>L’adresse %1 figure deux fois dans la liste.</translation>
    </message>
    <message>
        <source>none: reports stay where they arrive</source>
        <translation>aucun : les rapports restent où ils arrivent</translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation>&amp;Dossier des rapports :</translation>
    </message>
    <message>
        <source>empty: Mailtrail&apos;s built-in client ID for %1</source>
        <translation>vide : l&apos;identifiant client intégré de Mailtrail pour %1</translation>
    </message>
    <message>
        <source>required: no client ID for %1 is built into this Mailtrail</source>
        <translation>obligatoire : ce Mailtrail n&apos;intègre aucun identifiant client pour %1</translation>
    </message>
    <message>
        <source>required: this provider has no built-in client ID</source>
        <translation>obligatoire : aucun identifiant client n&apos;est intégré pour ce fournisseur</translation>
    </message>
    <message>
        <source>only if the provider issued one with the client ID</source>
        <translation>seulement si le fournisseur en a délivré un avec l&apos;identifiant client</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Identifiant client :</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Secre&amp;t client :</translation>
    </message>
    <message>
        <source>Enter the client ID that goes with the client secret, or clear the secret.</source>
        <translation>Saisissez l&apos;identifiant client qui va avec le secret client, ou effacez le secret.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AccountPasswords</name>
    <message>
        <source>Password for %1</source>
        <translation>Mot de passe pour %1</translation>
    </message>
    <message>
        <source>%1

Password for %2 (used for this session only):</source>
        <translation>%1

Mot de passe pour %2 (pour cette session uniquement)&#xa0;:</translation>
    </message>
    <message>
        <source>The keychain has no password for this account.</source>
        <translation>Le trousseau ne contient aucun mot de passe pour ce compte.</translation>
    </message>
    <message>
        <source>The server refused the password of %1.</source>
        <translation>Le serveur a refusé le mot de passe de %1.</translation>
    </message>
    <message>
        <source>Waiting for the password of %1.</source>
        <translation>En attente du mot de passe de %1.</translation>
    </message>
    <message>
        <source>The keychain still holds the secret of the removed account %1: %2</source>
        <translation>Le trousseau contient encore le secret du compte supprimé %1 : %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::ActivityIndicator</name>
    <message>
        <source>Checking %1…</source>
        <translation>Relève de %1…</translation>
    </message>
    <message>
        <source>Checking %1: %2…</source>
        <translation>Relève de %1&#xa0;: %2…</translation>
    </message>
    <message>
        <source>Sending %1 of %2…</source>
        <translation>Envoi de %1 sur %2…</translation>
    </message>
    <message>
        <source>Downloading a message…</source>
        <translation>Téléchargement d&apos;un message…</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::AttentionWatcher</name>
    <message>
        <source>Needs attention: %1</source>
        <translation>À traiter : %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>&amp;Dismiss from Needs Attention</source>
        <translation>Re&amp;tirer de « À traiter »</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::CertificateDialog</name>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Certificat non fiable</translation>
    </message>
    <message>
        <source>&lt;b&gt;The server %1 (port %2) presented a certificate that is not trusted.&lt;/b&gt;&lt;br&gt;Only trust it if you know this server uses its own certificate, and the fingerprint below matches what its administrator gave you.</source>
        <translation>&lt;b&gt;Le serveur %1 (port %2) a présenté un certificat qui n&apos;est pas de confiance.&lt;/b&gt;&lt;br&gt;Ne lui faites confiance que si vous savez que ce serveur utilise son propre certificat et que l&apos;empreinte ci-dessous correspond à celle que son administrateur vous a donnée.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Délivré à&#xa0;:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Délivré par&#xa0;:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Valide à partir du&#xa0;:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Valide jusqu&apos;au&#xa0;:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Empreinte SHA-256&#xa0;:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problèmes&#xa0;:</translation>
    </message>
    <message>
        <source>(none reported)</source>
        <translation>(aucun signalé)</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>&amp;Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Rejeter</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::ComposerDialog</name>
    <message>
        <source>Request &amp;delivery report</source>
        <translation>Demander un accusé de &amp;livraison</translation>
    </message>
    <message>
        <source>Request &amp;read receipt</source>
        <translation>Demander un accusé de lec&amp;ture</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name &lt;address&gt;, …</source>
        <translation>Nom &lt;adresse&gt;, …</translation>
    </message>
    <message>
        <source>Ask the mail servers to report delivery or failure for every recipient (DSN).</source>
        <translation>Demander aux serveurs de messagerie de signaler la remise ou l&apos;échec pour chaque destinataire (accusé de livraison, DSN).</translation>
    </message>
    <message>
        <source>Ask the recipients&apos; mail programs to report when the message is read. They may decline.</source>
        <translation>Demander aux logiciels de messagerie des destinataires de signaler la lecture du message. Ils peuvent refuser.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>Cc&amp;i&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Joindre…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Retirer la pièce jointe</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <source>%1 is too large to attach (%2).</source>
        <translation>%1 est trop volumineux pour être joint (%2).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Only local files can be attached: %1</source>
        <translation>Seuls les fichiers locaux peuvent être joints&#xa0;: %1</translation>
    </message>
    <message>
        <source>The outgoing server of this account did not offer delivery reports (DSN) last time. Mailtrail will only know whether the server accepted the message.</source>
        <translation>Le serveur d&apos;envoi de ce compte ne proposait pas d&apos;accusés de livraison (DSN) la dernière fois. Mailtrail saura seulement si le serveur a accepté le message.</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>%1 — Compose</source>
        <translation>%1 — Rédaction</translation>
    </message>
    <message>
        <source>There is no account to send from. Add an account first.</source>
        <translation>Aucun compte ne permet d&apos;envoyer. Ajoutez d&apos;abord un compte.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse électronique.</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>Ajoutez au moins un destinataire.</translation>
    </message>
    <message>
        <source>No delivery reports</source>
        <translation>Pas d&apos;accusés de livraison</translation>
    </message>
    <message>
        <source>The outgoing server of %1 does not offer delivery reports. You will only know that the server accepted the message.

Send anyway?</source>
        <translation>Le serveur d&apos;envoi de %1 ne propose pas d&apos;accusés de livraison. Vous saurez seulement que le serveur a accepté le message.

Envoyer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>Pas d’objet</translation>
    </message>
    <message>
        <source>Send this message without a subject?</source>
        <translation>Envoyer ce message sans objet&#xa0;?</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>Enregistrer comme &amp;brouillon</translation>
    </message>
    <message>
        <source>Keep this message in Drafts (Ctrl+S)</source>
        <translation>Conserver ce message dans les brouillons (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the draft?</source>
        <translation>Enregistrer le brouillon ?</translation>
    </message>
    <message>
        <source>This message has changes that are not saved. Save it as a draft?</source>
        <translation>Ce message a des modifications non enregistrées. L’enregistrer comme brouillon ?</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::DeliveryNotifier</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Delivery failed: %1</source>
        <translation>Échec de la remise&#xa0;: %1</translation>
    </message>
    <message>
        <source>Delivery delayed: %1</source>
        <translation>Remise retardée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::DeliveryPanel</name>
    <message>
        <source>Show &amp;report</source>
        <translation>Afficher le &amp;rapport</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;Unmatched reports…</source>
        <translation>Rapports &amp;non associés…</translation>
    </message>
    <message>
        <source>No sent message selected</source>
        <translation>Aucun message envoyé sélectionné</translation>
    </message>
    <message>
        <source>Select a message you sent to see what happened to it.</source>
        <translation>Sélectionnez un message que vous avez envoyé pour voir ce qu&apos;il est devenu.</translation>
    </message>
    <message>
        <source>Sent %1 · %2 · Message-ID &lt;%3&gt;</source>
        <translation>Envoyé le %1 · %2 · Message-ID &lt;%3&gt;</translation>
    </message>
    <message>
        <source>The outgoing server did not support delivery reports (DSN) for this message. Mailtrail can still show failures that come back as bounces and read receipts, but it cannot prove delivery.</source>
        <translation>Le serveur d&apos;envoi ne prenait pas en charge les accusés de livraison (DSN) pour ce message. Mailtrail peut encore montrer les échecs signalés par des messages de non-remise et les accusés de lecture, mais il ne peut pas prouver la remise.</translation>
    </message>
    <message>
        <source>Server said: %1</source>
        <translation>Réponse du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>Signalé par&#xa0;: %1</translation>
    </message>
    <message>
        <source>(matched by %1, %2% sure)</source>
        <translation>(associé par %1, sûr à %2 %)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>No sent message is selected.</source>
        <translation>Aucun message envoyé n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export proof of delivery</source>
        <translation>Exporter la preuve de remise</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>Con&amp;firmer</translation>
    </message>
    <message>
        <source>Confirm that the selected possible report is about this message, so that it decides the recipient&apos;s state.</source>
        <translation>Confirmer que le rapport possible sélectionné concerne ce message, afin qu’il détermine l’état du destinataire.</translation>
    </message>
    <message>
        <source>Sent from another program; no delivery reports were requested.</source>
        <translation>Envoyé depuis un autre programme ; aucun accusé de remise n’a été demandé.</translation>
    </message>
    <message>
        <source>Resend of &lt;%1&gt; from %2</source>
        <translation>Renvoi de &lt;%1&gt; du %2</translation>
    </message>
    <message>
        <source>Resent as &lt;%1&gt; on %2</source>
        <translation>Renvoyé comme &lt;%1&gt; le %2</translation>
    </message>
    <message>
        <source>Why it may be about this message: %1</source>
        <translation>Pourquoi il concerne peut-être ce message : %1</translation>
    </message>
    <message>
        <source>Dated by the reporting server: %1</source>
        <translation>Daté par le serveur qui a fait le rapport : %1</translation>
    </message>
    <message>
        <source>possible, not confirmed</source>
        <translation>possible, non confirmé</translation>
    </message>
    <message>
        <source>Confirm report</source>
        <translation>Confirmer le rapport</translation>
    </message>
    <message>
        <source>Re&amp;send to Failed Recipients…</source>
        <translation>R&amp;envoyer aux destinataires en échec…</translation>
    </message>
    <message>
        <source>Open the message again in the composer, addressed to the recipients it did not reach, as a new message with its own tracking.</source>
        <translation>Rouvrir le message dans l’éditeur, adressé aux destinataires qu’il n’a pas atteints, comme un nouveau message avec son propre suivi.</translation>
    </message>
    <message>
        <source>Not sent: the outgoing mail server refused it · Message-ID &lt;%1&gt;</source>
        <translation>Non envoyé&#xa0;: le serveur d’envoi l’a refusé · Message-ID &lt;%1&gt;</translation>
    </message>
    <message>
        <source>Proof of delivery saved as %1</source>
        <translation>Preuve de remise enregistrée sous %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderActions</name>
    <message>
        <source>&amp;New Folder…</source>
        <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
        <source>&amp;Rename Folder…</source>
        <translation>&amp;Renommer le dossier…</translation>
    </message>
    <message>
        <source>&amp;Delete Folder…</source>
        <translation>&amp;Supprimer le dossier…</translation>
    </message>
    <message>
        <source>New &amp;Subfolder…</source>
        <translation>Nouveau &amp;sous-dossier…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Name of the new folder in “%1”:</source>
        <translation>Nom du nouveau dossier dans « %1 » :</translation>
    </message>
    <message>
        <source>Rename Folder</source>
        <translation>Renommer le dossier</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Nouveau nom de « %1 » :</translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1”, the %n folder(s) in it and the messages they hold? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer le dossier « %1 », le %n dossier qu’il contient et leurs messages ? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer le dossier « %1 », les %n dossiers qu’il contient et leurs messages ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1” and the %n message(s) in it? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer le dossier « %1 » et le %n message qu’il contient ? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer le dossier « %1 » et les %n messages qu’il contient ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Folder</source>
        <translation>Supprimer le dossier</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderDecorationProxy</name>
    <message numerus="yes">
        <source>%n message(s), %1 unread</source>
        <translation>
            <numerusform>%n message, non lus&#xa0;: %1</numerusform>
            <numerusform>%n messages, non lus&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>INBOX</source>
        <comment>folder name</comment>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Drafts</source>
        <comment>folder name</comment>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>folder name</comment>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Archive</source>
        <comment>folder name</comment>
        <translation>Archives</translation>
    </message>
    <message>
        <source>Junk</source>
        <comment>folder name</comment>
        <translation>Indésirables</translation>
    </message>
    <message>
        <source>Trash</source>
        <comment>folder name</comment>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Receipts</source>
        <comment>folder name</comment>
        <translation>Accusés de réception</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderPane</name>
    <message>
        <source>Tracked</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Every message sent with delivery tracking</source>
        <translation>Tous les messages envoyés avec suivi de remise</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Sent mail that at least one recipient did not get</source>
        <translation>Courrier envoyé qu&apos;au moins un destinataire n&apos;a pas reçu</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Retardé</translation>
    </message>
    <message>
        <source>Sent mail still being retried, or overdue</source>
        <translation>Courrier envoyé encore en cours de nouvelle tentative, ou en retard</translation>
    </message>
    <message>
        <source>Awaiting report</source>
        <translation>Rapport attendu</translation>
    </message>
    <message>
        <source>Sent mail whose delivery report has not come yet</source>
        <translation>Courrier envoyé dont l&apos;accusé de livraison n&apos;est pas encore arrivé</translation>
    </message>
    <message>
        <source>Unmatched reports</source>
        <translation>Rapports non associés</translation>
    </message>
    <message>
        <source>Reports that could not be matched with a sent message</source>
        <translation>Rapports qui n&apos;ont pu être associés à aucun message envoyé</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Sent mail with a recipient failed, refused, overdue or delayed for more than a day, that you have not dismissed</source>
        <translation>Courrier envoyé dont un destinataire est en échec, refusé, en retard ou retardé depuis plus d’un jour, et que vous n’avez pas écarté</translation>
    </message>
    <message>
        <source>Saved search: %1</source>
        <translation>Recherche enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderPickerDialog</name>
    <message>
        <source>Type part of a folder name</source>
        <translation>Tapez une partie du nom du dossier</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MailController</name>
    <message>
        <source>The certificate of %1 was rejected, so Mailtrail did not connect to it.</source>
        <translation>Le certificat de %1 a été rejeté, Mailtrail ne s&apos;y est donc pas connecté.</translation>
    </message>
    <message>
        <source>Mailtrail could not remember that you ignored this read receipt: %1</source>
        <translation>Mailtrail n&apos;a pas pu mémoriser que vous avez ignoré cet accusé de lecture&#xa0;: %1</translation>
    </message>
    <message>
        <source>There is no account to check. Use Settings → Add Account to add one.</source>
        <translation>Aucun compte à relever. Utilisez Paramètres → Ajouter un compte pour en ajouter un.</translation>
    </message>
    <message>
        <source>The message was not sent: there is no account named %1.</source>
        <translation>Le message n&apos;a pas été envoyé&#xa0;: aucun compte ne s&apos;appelle %1.</translation>
    </message>
    <message>
        <source>“%1” is in the outbox; sending…</source>
        <translation>«&#xa0;%1&#xa0;» est dans la boîte d&apos;envoi&#xa0;; envoi…</translation>
    </message>
    <message>
        <source>The read receipt was not sent: %1</source>
        <translation>L&apos;accusé de lecture n&apos;a pas été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>A read receipt was sent, as the account&apos;s settings say.</source>
        <translation>Un accusé de lecture a été envoyé, comme le prévoient les paramètres du compte.</translation>
    </message>
    <message>
        <source>The read receipt is in the outbox; sending…</source>
        <translation>L&apos;accusé de lecture est dans la boîte d&apos;envoi&#xa0;; envoi…</translation>
    </message>
    <message>
        <source>The draft was not saved: there is no account named %1.</source>
        <translation>Le brouillon n&apos;a pas été enregistré&#xa0;: aucun compte ne s&apos;appelle %1.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Brouillon enregistré.</translation>
    </message>
    <message>
        <source>Mailtrail cannot connect to %1 without its password: %2</source>
        <translation>Mailtrail ne peut pas se connecter à %1 sans son mot de passe&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MailTableModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>Contient des pièces jointes</translation>
    </message>
    <message>
        <source>Delivery state</source>
        <translation>État de la remise</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MainWindow</name>
    <message>
        <source>Mailtrail</source>
        <translation>Mailtrail</translation>
    </message>
    <message>
        <source>No web browser could open %1.</source>
        <translation>Aucun navigateur web n&apos;a pu ouvrir %1.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>No account is set up yet. Use Settings → Add Account to add one.</source>
        <translation>Aucun compte n&apos;est encore configuré. Utilisez Paramètres → Ajouter un compte pour en ajouter un.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Nouveau message</translation>
    </message>
    <message>
        <source>&amp;Check Mail</source>
        <translation>&amp;Relever le courrier</translation>
    </message>
    <message>
        <source>Checking mail…</source>
        <translation>Relève du courrier…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Find Messages</source>
        <translation>&amp;Rechercher des messages</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>Reply to &amp;All</source>
        <translation>Répondre à t&amp;ous</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Transférer</translation>
    </message>
    <message>
        <source>Show &amp;Tracked Mail</source>
        <translation>Afficher le courrier &amp;suivi</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>&amp;Configure Mailtrail…</source>
        <translation>&amp;Configurer Mailtrail…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Mailtrail</source>
        <translation>À &amp;propos de Mailtrail</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>“%1” was handed to the outbox.</source>
        <translation>«&#xa0;%1&#xa0;» a été placé dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Select a message first.</source>
        <translation>Sélectionnez d&apos;abord un message.</translation>
    </message>
    <message>
        <source>No message selected.</source>
        <translation>Aucun message sélectionné.</translation>
    </message>
    <message>
        <source>Downloading this message…</source>
        <translation>Téléchargement de ce message…</translation>
    </message>
    <message>
        <source>This report could not be read: %1</source>
        <translation>Ce rapport n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the folders: %1</source>
        <translation>Impossible de lire les dossiers&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the messages: %1</source>
        <translation>Impossible de lire les messages&#xa0;: %1</translation>
    </message>
    <message>
        <source>The account could not be added: %1</source>
        <translation>Le compte n&apos;a pas pu être ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <source>The account %1 was added.</source>
        <translation>Le compte %1 a été ajouté.</translation>
    </message>
    <message>
        <source>About Mailtrail</source>
        <translation>À propos de Mailtrail</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mailtrail %1&lt;/h3&gt;&lt;p&gt;A mail client that shows, for every recipient, what happened to the mail you sent.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mailtrail %1&lt;/h3&gt;&lt;p&gt;Un client de messagerie qui montre, pour chaque destinataire, ce qu&apos;est devenu le courrier que vous avez envoyé.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Supprim&amp;er</translation>
    </message>
    <message>
        <source>Ne&amp;xt Message</source>
        <translation>Message s&amp;uivant</translation>
    </message>
    <message>
        <source>Pre&amp;vious Message</source>
        <translation>Message pré&amp;cédent</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Boîte d&apos;envoi…</translation>
    </message>
    <message>
        <source>Select a draft first.</source>
        <translation>Sélectionnez d&apos;abord un brouillon.</translation>
    </message>
    <message>
        <source>&amp;Edit Draft</source>
        <translation>&amp;Modifier le brouillon</translation>
    </message>
    <message>
        <source>&amp;Resend to Failed Recipients…</source>
        <translation>&amp;Renvoyer aux destinataires en échec…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Resending to the recipients that did not get it:</source>
        <translation>Renvoi aux destinataires qui ne l’ont pas reçu :</translation>
    </message>
    <message>
        <source>%1 needs you to sign in again: %2</source>
        <translation>%1 : veuillez vous reconnecter : %2</translation>
    </message>
    <message>
        <source>The message is no longer in this folder.</source>
        <translation>Le message n’est plus dans ce dossier.</translation>
    </message>
    <message>
        <source>F&amp;ilter This List</source>
        <translation>F&amp;iltrer cette liste</translation>
    </message>
    <message>
        <source>%1 is signed in again.</source>
        <translation>%1 est de nouveau connecté.</translation>
    </message>
    <message>
        <source>F&amp;older</source>
        <translation>D&amp;ossier</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageActions</name>
    <message>
        <source>&amp;Move to…</source>
        <translation>Dé&amp;placer vers…</translation>
    </message>
    <message>
        <source>&amp;Copy to…</source>
        <translation>Copier &amp;vers…</translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation>Source du messa&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Select a message first.</source>
        <translation>Sélectionnez d’abord un message.</translation>
    </message>
    <message>
        <source>Select messages in a folder first.</source>
        <translation>Sélectionnez d’abord des messages dans un dossier.</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n Message(s) to</source>
        <translation>
            <numerusform>Copier %n message vers</numerusform>
            <numerusform>Copier %n messages vers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n Message(s) to</source>
        <translation>
            <numerusform>Déplacer %n message vers</numerusform>
            <numerusform>Déplacer %n messages vers</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a message in a folder to delete it.</source>
        <translation>Sélectionnez un message dans un dossier pour le supprimer.</translation>
    </message>
    <message>
        <source>The message has not been downloaded yet.</source>
        <translation>Le message n’a pas encore été téléchargé.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Source of “%1”</source>
        <translation>Source de « %1 »</translation>
    </message>
    <message>
        <source>There is no message to print.</source>
        <translation>Il n’y a aucun message à imprimer.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc :</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>The message could not be printed.</source>
        <translation>Le message n’a pas pu être imprimé.</translation>
    </message>
    <message>
        <source>Mar&amp;k as Read</source>
        <translation>Marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>Mark as U&amp;nread</source>
        <translation>Marquer comme &amp;non lu</translation>
    </message>
    <message>
        <source>To&amp;ggle Read</source>
        <translation>B&amp;asculer lu/non lu</translation>
    </message>
    <message>
        <source>Toggle F&amp;lag</source>
        <translation>Basculer le &amp;drapeau</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageListPane</name>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Cannot show this folder: %1</source>
        <translation>Impossible d&apos;afficher ce dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Show conversations as threads</source>
        <translation>Regrouper les messages en conversations</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>No report is waiting to be matched: reports that Mailtrail cannot link to a sent mail appear here.</source>
        <translation>Aucun rapport n’attend d’être associé : les rapports que Mailtrail ne peut relier à aucun message envoyé apparaissent ici.</translation>
    </message>
    <message>
        <source>No failed mail</source>
        <translation>Aucun message en échec</translation>
    </message>
    <message>
        <source>No delayed mail</source>
        <translation>Aucun message retardé</translation>
    </message>
    <message>
        <source>No mail is waiting for a report</source>
        <translation>Aucun message n’attend de rapport</translation>
    </message>
    <message>
        <source>No tracked mail yet: mail you send appears here with what became of it for each recipient.</source>
        <translation>Aucun message suivi pour l’instant : les messages que vous envoyez apparaissent ici avec ce qu’il en est advenu pour chaque destinataire.</translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation>Ce dossier est vide.</translation>
    </message>
    <message>
        <source>Filter this list: subject, people, state… (Ctrl+Shift+F)</source>
        <translation>Filtrer cette liste&#xa0;: objet, personnes, état… (Ctrl+Maj+F)</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageViewer</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Charger</translation>
    </message>
    <message>
        <source>Send receipt</source>
        <translation>Envoyer l&apos;accusé</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>No message selected.</source>
        <translation>Aucun message sélectionné.</translation>
    </message>
    <message>
        <source>(unnamed %1)</source>
        <translation>(sans nom %1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>To protect your privacy, %n remote image(s) or style(s) were not loaded.</source>
        <translation>
            <numerusform>Pour protéger votre vie privée, %n image ou style distant n’a pas été chargé.</numerusform>
            <numerusform>Pour protéger votre vie privée, %n images ou styles distants n’ont pas été chargés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sender asks to be told when you have read this message.</source>
        <translation>L’expéditeur demande à être averti lorsque vous aurez lu ce message.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc&#xa0;:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <source>There is no such attachment.</source>
        <translation>Cette pièce jointe n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>Aucune application n&apos;est configurée pour ouvrir %1.</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Read receipt for “%1”</source>
        <translation>Accusé de lecture pour « %1 »</translation>
    </message>
    <message>
        <source>Delivery report for “%1”</source>
        <translation>Rapport de remise pour « %1 »</translation>
    </message>
    <message>
        <source>show tracking</source>
        <translation>afficher le suivi</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::OAuthSignInPanel</name>
    <message>
        <source>&amp;Cancel Sign-In</source>
        <translation>&amp;Annuler la connexion</translation>
    </message>
    <message>
        <source>your provider</source>
        <translation>votre fournisseur</translation>
    </message>
    <message>
        <source>Sign in with %1…</source>
        <translation>Se connecter avec %1…</translation>
    </message>
    <message>
        <source>Reading the sign-in settings of %1…</source>
        <translation>Lecture des paramètres de connexion de %1…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in at %1 in your web browser. When you have allowed Mailtrail, the browser hands the answer to Mailtrail on this computer.</source>
        <translation>En attente de votre connexion à %1 dans votre navigateur web. Une fois Mailtrail autorisé, le navigateur transmet la réponse à Mailtrail sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No web browser could be opened. Open this address yourself: %1</source>
        <translation>Aucun navigateur web n&apos;a pu être ouvert. Ouvrez vous-même cette adresse : %1</translation>
    </message>
    <message>
        <source>Signed in; fetching the tokens…</source>
        <translation>Connecté ; récupération des jetons…</translation>
    </message>
    <message>
        <source>Signed in at %1 as %2.</source>
        <translation>Connecté à %1 en tant que %2.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::OutboxDialog</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Queued: attempt %1 at %2</source>
        <translation>En attente&#xa0;: tentative %1 à %2</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>En cours d&apos;envoi</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Peut-être envoyé</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <source>Sent; copy to Sent folder pending</source>
        <translation>Envoyé&#xa0;; copie dans Envoyés en attente</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <source>&amp;Mark as Sent</source>
        <translation>Marquer comme &amp;envoyé</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>Send this message again. If it did go out the first time, the recipients get it twice.</source>
        <translation>Renvoyer ce message. S&apos;il est bien parti la première fois, les destinataires le recevront deux fois.</translation>
    </message>
    <message>
        <source>You know it went out (for example the recipient has it): stop asking.</source>
        <translation>Vous savez qu&apos;il est parti (par exemple le destinataire l&apos;a reçu)&#xa0;: ne plus demander.</translation>
    </message>
    <message>
        <source>Remove it from the outbox. Its tracking record stays.</source>
        <translation>Le retirer de la boîte d&apos;envoi. Son suivi est conservé.</translation>
    </message>
    <message>
        <source>Messages wait here until a server has accepted them. A message that “may have been sent” lost its connection while the server was answering: Mailtrail does not resend it on its own.</source>
        <translation>Les messages attendent ici qu&apos;un serveur les accepte. Un message «&#xa0;peut-être envoyé&#xa0;» a perdu sa connexion pendant que le serveur répondait&#xa0;: Mailtrail ne le renvoie pas de lui-même.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>&amp;Edit and Send Again…</source>
        <translation>Mo&amp;difier et renvoyer…</translation>
    </message>
    <message>
        <source>Open the refused message in the composer to correct it and send it again.</source>
        <translation>Ouvrir le message refusé dans l’éditeur pour le corriger et le renvoyer.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::PasswordBar</name>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>%1 Enter the password of %2 to connect again:</source>
        <translation>%1 Saisissez le mot de passe de %2 pour vous reconnecter&#xa0;:</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Mot de passe de %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::ProofPdf</name>
    <message>
        <source>Cannot attach the reports to the PDF: %1</source>
        <translation>Impossible de joindre les rapports au PDF&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::RecipientAdvice</name>
    <message>
        <source>%1 — %2</source>
        <comment>address completion: address — last outcome</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Recipient failed before</source>
        <translation>Ce destinataire a déjà échoué</translation>
    </message>
    <message>
        <source>Mail to %1 failed before and nothing has been delivered there since.

%2</source>
        <translation>Un courrier à %1 a déjà échoué et rien n’y a été distribué depuis.

%2</translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <translation>Envoyer quand même</translation>
    </message>
    <message>
        <source>Remove This Recipient</source>
        <translation>Retirer ce destinataire</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>%1: did you mean %2?</source>
        <translation>%1 : vouliez-vous dire %2 ?</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Utiliser %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::RecipientHistoryTips</name>
    <message>
        <source>History of %1:</source>
        <translation>Historique de %1 :</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Historique de %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SavedSearchMenu</name>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>Renommer la recherche enregistrée</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SearchPane</name>
    <message>
        <source>Search all mail: words, from:, has:attachment, state:failed… (Ctrl+F)</source>
        <translation>Chercher dans tout le courrier&#xa0;: mots, from:, has:attachment, state:failed… (Ctrl+F)</translation>
    </message>
    <message>
        <source>This folder only</source>
        <translation>Ce dossier seulement</translation>
    </message>
    <message>
        <source>Search only the folder shown instead of all folders of all accounts</source>
        <translation>Chercher seulement dans le dossier affiché au lieu de tous les dossiers de tous les comptes</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Rien trouvé</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Save this search…</source>
        <translation>Enregistrer cette recherche…</translation>
    </message>
    <message>
        <source>Save this search under Tracked</source>
        <translation>Enregistrer cette recherche sous «&#xa0;Suivis&#xa0;»</translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation>Enregistrer cette recherche</translation>
    </message>
    <message>
        <source>Show it under Tracked as:</source>
        <translation>L’afficher sous «&#xa0;Suivis&#xa0;» comme&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) still being indexed</source>
        <translation>
            <numerusform>%n message encore en cours d’indexation</numerusform>
            <numerusform>%n messages encore en cours d’indexation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SendOutcome</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message numerus="yes">
        <source>“%1” was sent, but the server refused %n recipient(s); see the delivery panel.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» a été envoyé, mais le serveur a refusé %n destinataire&#xa0;; voir le panneau de remise.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» a été envoyé, mais le serveur a refusé %n destinataires&#xa0;; voir le panneau de remise.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was accepted by the server.</source>
        <translation>«&#xa0;%1&#xa0;» a été accepté par le serveur.</translation>
    </message>
    <message>
        <source>“%1” was sent, but the server does not offer delivery reports: Mailtrail can only show that it was accepted.</source>
        <translation>«&#xa0;%1&#xa0;» a été envoyé, mais le serveur ne propose pas d&apos;accusés de livraison&#xa0;: Mailtrail peut seulement montrer qu&apos;il a été accepté.</translation>
    </message>
    <message>
        <source>“%1” could not be sent now and stays in the outbox; it will be tried again at %2. (%3)</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas pu être envoyé maintenant et reste dans la boîte d&apos;envoi&#xa0;; nouvel essai à %2. (%3)</translation>
    </message>
    <message>
        <source>The server refused “%1”: %2</source>
        <translation>Le serveur a refusé «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” may have been sent: the connection broke while the server was answering. Open the Outbox (Ctrl+Shift+O) to resend or discard it.</source>
        <translation>«&#xa0;%1&#xa0;» a peut-être été envoyé&#xa0;: la connexion a été coupée pendant que le serveur répondait. Ouvrez la boîte d&apos;envoi (Ctrl+Maj+O) pour le renvoyer ou l&apos;abandonner.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were being sent when Mailtrail stopped. They may have been sent; open the Outbox to resend or discard them.</source>
        <translation>
            <numerusform>%n message était en cours d&apos;envoi quand Mailtrail s&apos;est arrêté. Il a peut-être été envoyé&#xa0;; ouvrez la boîte d&apos;envoi pour le renvoyer ou l&apos;abandonner.</numerusform>
            <numerusform>%n messages étaient en cours d&apos;envoi quand Mailtrail s&apos;est arrêté. Ils ont peut-être été envoyés&#xa0;; ouvrez la boîte d&apos;envoi pour les renvoyer ou les abandonner.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copy in the Sent folder will be tried again later: %1</source>
        <translation>La copie dans le dossier Envoyés sera retentée plus tard&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SentElsewhereSettingsEditor</name>
    <message>
        <source>&amp;Track it, of the last</source>
        <translation>Sui&amp;vre, ceux des derniers</translation>
    </message>
    <message>
        <source>Mail that you sent from a phone or webmail lands in the Sent folder. Mailtrail gives it a timeline too: the bounces, read receipts and replies that come back for it. No delivery reports were requested for it, and nothing is ever sent.</source>
        <translation>Le courrier que vous envoyez depuis un téléphone ou un webmail arrive dans le dossier Envoyés. Mailtrail lui donne aussi une chronologie&#xa0;: les rapports de non-remise, accusés de lecture et réponses qui reviennent pour lui. Aucun accusé de remise n’a été demandé pour lui, et rien n’est jamais envoyé.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Mail sent from other programs:</source>
        <translation>Courrier envoyé par d’autres programmes&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot save the account %1: %2</source>
        <translation>Impossible d&apos;enregistrer le compte %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SessionResults</name>
    <message>
        <source>Checking mail of %1 failed: %2</source>
        <translation>La relève du courrier de %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Mail of %1 checked.</source>
        <translation>Courrier de %1 relevé.</translation>
    </message>
    <message>
        <source>The connection of %1 was lost (%2); retrying in %3 s.</source>
        <translation>La connexion de %1 a été perdue (%2)&#xa0;; nouvelle tentative dans %3 s.</translation>
    </message>
    <message>
        <source>This message has not been downloaded yet, and the server cannot be reached: %1</source>
        <translation>Ce message n&apos;a pas encore été téléchargé et le serveur est injoignable&#xa0;: %1</translation>
    </message>
    <message>
        <source>This message could not be downloaded: %1</source>
        <translation>Ce message n&apos;a pas pu être téléchargé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The draft is saved on this computer; the copy on the server failed: %1</source>
        <translation>Le brouillon est enregistré sur cet ordinateur&#xa0;; la copie sur le serveur a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation>Le message n&apos;a pas pu être supprimé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Moved to the Trash.</source>
        <translation>Déplacé dans la corbeille.</translation>
    </message>
    <message>
        <source>The change is kept on this computer; the server did not take it: %1</source>
        <translation>La modification est gardée sur cet ordinateur ; le serveur ne l’a pas acceptée : %1</translation>
    </message>
    <message>
        <source>The messages could not be copied: %1</source>
        <translation>Les messages n’ont pas pu être copiés : %1</translation>
    </message>
    <message>
        <source>The messages could not be moved: %1</source>
        <translation>Les messages n’ont pas pu être déplacés : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied.</source>
        <translation>
            <numerusform>%n message copié.</numerusform>
            <numerusform>%n messages copiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) moved.</source>
        <translation>
            <numerusform>%n message déplacé.</numerusform>
            <numerusform>%n messages déplacés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder could not be changed: %1</source>
        <translation>Le dossier n’a pas pu être modifié : %1</translation>
    </message>
    <message>
        <source>Folders updated.</source>
        <translation>Dossiers mis à jour.</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SettingsDialog</name>
    <message>
        <source>Configure Mailtrail</source>
        <translation>Configurer Mailtrail</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Read Receipts</source>
        <translation>Accusés de lecture</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Vie privée</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>When a sender asks for a &amp;read receipt:</source>
        <translation>Quand un expéditeur demande un accusé de &amp;lecture&#xa0;:</translation>
    </message>
    <message>
        <source>never overdue</source>
        <translation>jamais en retard</translation>
    </message>
    <message>
        <source>Request a &amp;delivery report for new messages</source>
        <translation>Demander un accusé de &amp;livraison pour les nouveaux messages</translation>
    </message>
    <message>
        <source>Request a read &amp;receipt for new messages</source>
        <translation>Demander un accusé de lec&amp;ture pour les nouveaux messages</translation>
    </message>
    <message>
        <source>&amp;Move reports to a folder after recording them:</source>
        <translation>Dé&amp;placer les rapports dans un dossier après les avoir enregistrés&#xa0;:</translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when a message fails, is delayed or is read</source>
        <translation>Afficher une &amp;notification quand un message échoue, est retardé ou est lu</translation>
    </message>
    <message>
        <source>Overdue when no delivery report came &amp;within:</source>
        <translation>En retard si aucun accusé de livraison n&apos;est arrivé &amp;dans un délai de&#xa0;:</translation>
    </message>
    <message>
        <source>Overdue after a delay report plus:</source>
        <translation>En retard après un rapport de retard, plus&#xa0;:</translation>
    </message>
    <message>
        <source>Overdue when no read receipt came within:</source>
        <translation>En retard si aucun accusé de lecture n&apos;est arrivé dans un délai de&#xa0;:</translation>
    </message>
    <message>
        <source>Each account has its own policy (see Accounts). These two cases are never answered more readily than the account&apos;s policy says. Mailtrail never answers automatically when the request looks forged (RFC 8098 §2.1), never answers a report, and answers at most once per message.</source>
        <translation>Chaque compte a sa propre règle (voir Comptes). Ces deux cas ne reçoivent jamais de réponse plus facilement que ne le prévoit la règle du compte. Mailtrail ne répond jamais automatiquement quand la demande semble falsifiée (RFC 8098 §2.1), ne répond jamais à un rapport et répond au plus une fois par message.</translation>
    </message>
    <message>
        <source>When I am not in To or Cc:</source>
        <translation>Quand je ne suis ni dans À ni dans Cc&#xa0;:</translation>
    </message>
    <message>
        <source>When the sender is outside my domain:</source>
        <translation>Quand l&apos;expéditeur est hors de mon domaine&#xa0;:</translation>
    </message>
    <message>
        <source>Always load &amp;remote content in HTML mail</source>
        <translation>Toujours charger le contenu &amp;distant des courriers HTML</translation>
    </message>
    <message>
        <source>Remote images can tell the sender when and where you read a message. When this is off, Mailtrail shows a bar to load them for one message.</source>
        <translation>Les images distantes peuvent indiquer à l&apos;expéditeur quand et où vous lisez un message. Si cette option est désactivée, Mailtrail affiche une barre pour les charger pour un seul message.</translation>
    </message>
    <message>
        <source>No account yet.</source>
        <translation>Aucun compte pour le moment.</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;
Incoming: %3
Outgoing: %4</source>
        <translation>%1 &lt;%2&gt;
Entrant&#xa0;: %3
Sortant&#xa0;: %4</translation>
    </message>
    <message>
        <source>Cannot save the account %1: %2</source>
        <translation>Impossible d&apos;enregistrer le compte %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the account %1 and its downloaded mail from this computer? Mail on the server and delivery evidence stay.</source>
        <translation>Supprimer de cet ordinateur le compte %1 et son courrier téléchargé&#xa0;? Le courrier sur le serveur et les preuves de remise sont conservés.</translation>
    </message>
    <message>
        <source>Cannot remove the account %1: %2</source>
        <translation>Impossible de supprimer le compte %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Write replies &amp;below the quoted text (default: above it)</source>
        <translation>Écrire les réponses &amp;sous le texte cité (par défaut : au-dessus)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>headers only</source>
        <translation>en-têtes seulement</translation>
    </message>
    <message>
        <source>Bodies of these messages are downloaded in the background after each check, so they can be read and searched offline.</source>
        <translation>Le contenu de ces messages est téléchargé en arrière-plan après chaque relève, pour pouvoir les lire et les chercher hors ligne.</translation>
    </message>
    <message>
        <source>&amp;Keep messages of the last:</source>
        <translation>&amp;Garder les messages des derniers&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SingleInstance</name>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Impossible d’écouter sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Mailtrail already runs with the profile %1 (process %2) but does not answer: %3</source>
        <translation>Mailtrail tourne déjà avec le profil %1 (processus %2) mais ne répond pas&#xa0;: %3</translation>
    </message>
    <message>
        <source>The running Mailtrail did not take the request: %1</source>
        <translation>Le Mailtrail en cours n’a pas accepté la demande&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::State</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Retardé</translation>
    </message>
    <message>
        <source>Relayed</source>
        <translation>Relayé</translation>
    </message>
    <message>
        <source>Delivered to list</source>
        <translation>Remis à la liste</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Expédié</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Traité</translation>
    </message>
    <message>
        <source>Deleted unread</source>
        <translation>Supprimé sans lecture</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
</context>
<context>
    <name>MessageTransfer</name>
    <message>
        <source>That folder is no longer there.</source>
        <translation>Ce dossier n&apos;existe plus.</translation>
    </message>
    <message>
        <source>“%1” cannot hold messages, only other folders.</source>
        <translation>« %1 » ne peut pas contenir de messages, seulement d’autres dossiers.</translation>
    </message>
    <message>
        <source>The message is in “%1” already.</source>
        <translation>Le message est déjà dans « %1 ».</translation>
    </message>
    <message>
        <source>Messages can be moved only between folders of the same account.</source>
        <translation>Les messages ne peuvent être déplacés qu’entre dossiers du même compte.</translation>
    </message>
    <message>
        <source>The messages are no longer in the local cache.</source>
        <translation>Les messages ne sont plus dans le cache local.</translation>
    </message>
</context>
<context>
    <name>MoveToTrash</name>
    <message>
        <source>The message is no longer in the local cache.</source>
        <translation>Le message n&apos;est plus dans le cache local.</translation>
    </message>
    <message>
        <source>The message is already in the Trash.</source>
        <translation>Le message est déjà dans la corbeille.</translation>
    </message>
</context>
<context>
    <name>OutboxQueue</name>
    <message>
        <source>The outbox message %1 could not be changed.</source>
        <translation>Le message %1 de la boîte d’envoi n’a pas pu être modifié.</translation>
    </message>
</context>
<context>
    <name>SavedSearches</name>
    <message>
        <source>Failed this week</source>
        <translation>Échecs de la semaine</translation>
    </message>
    <message>
        <source>Delayed this week</source>
        <translation>Retards de la semaine</translation>
    </message>
    <message>
        <source>Read by the recipient</source>
        <translation>Lus par le destinataire</translation>
    </message>
    <message>
        <source>A saved search needs a name.</source>
        <translation>Une recherche enregistrée a besoin d’un nom.</translation>
    </message>
    <message>
        <source>There is a saved search named &quot;%1&quot; already.</source>
        <translation>Une recherche enregistrée nommée «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>That saved search does not exist any more.</source>
        <translation>Cette recherche enregistrée n’existe plus.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>The quote that starts here is never closed.</source>
        <translation>Le guillemet qui commence ici n’est jamais fermé.</translation>
    </message>
    <message>
        <source>The query is empty.</source>
        <translation>La recherche est vide.</translation>
    </message>
    <message>
        <source>This closing parenthesis has no opening one.</source>
        <translation>Cette parenthèse fermante n’a pas de parenthèse ouvrante.</translation>
    </message>
    <message>
        <source>Unexpected text here.</source>
        <translation>Texte inattendu à cet endroit.</translation>
    </message>
    <message>
        <source>AND needs a term on both sides.</source>
        <translation>AND a besoin d’un terme de chaque côté.</translation>
    </message>
    <message>
        <source>OR needs a term on both sides.</source>
        <translation>OR a besoin d’un terme de chaque côté.</translation>
    </message>
    <message>
        <source>A term is missing here.</source>
        <translation>Il manque un terme ici.</translation>
    </message>
    <message>
        <source>Nothing to exclude after this minus or NOT.</source>
        <translation>Rien à exclure après ce signe moins ou ce NOT.</translation>
    </message>
    <message>
        <source>The parenthesis that opens here is never closed.</source>
        <translation>La parenthèse ouverte ici n’est jamais fermée.</translation>
    </message>
    <message>
        <source>Unknown search key &apos;%1&apos;. Put the words in quotes to search for them as text.</source>
        <translation>Clé de recherche inconnue «&#xa0;%1&#xa0;». Mettez les mots entre guillemets pour les chercher comme texte.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a value.</source>
        <translation>«&#xa0;%1&#xa0;» a besoin d’une valeur.</translation>
    </message>
    <message>
        <source>There is nothing to search for in these quotes.</source>
        <translation>Il n’y a rien à chercher entre ces guillemets.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no letters or digits to search for.</source>
        <translation>«&#xa0;%1&#xa0;» ne contient ni lettre ni chiffre à chercher.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not known: use has:attachment.</source>
        <translation>«&#xa0;%1%2&#xa0;» est inconnu&#xa0;: utilisez has:attachment.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not known: use is:unread, is:read, is:flagged or is:answered.</source>
        <translation>«&#xa0;%1%2&#xa0;» est inconnu&#xa0;: utilisez is:unread, is:read, is:flagged ou is:answered.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a date range: write e.g. date:2026-03..2026-05.</source>
        <translation>«&#xa0;%1%2&#xa0;» n’est pas une période&#xa0;: écrivez par ex. date:2026-03..2026-05.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; ends before it starts.</source>
        <translation>«&#xa0;%1%2&#xa0;» se termine avant de commencer.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a date: write e.g. 2026-03-31, 2026-03, 2026, today or 7d.</source>
        <translation>«&#xa0;%1%2&#xa0;» n’est pas une date&#xa0;: écrivez par ex. 2026-03-31, 2026-03, 2026, today ou 7d.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a size: write e.g. 500k or 2M.</source>
        <translation>«&#xa0;%1%2&#xa0;» n’est pas une taille&#xa0;: écrivez par ex. 500k ou 2M.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not a delivery state: use e.g. state:failed, state:delayed, state:delivered, state:displayed or state:overdue.</source>
        <translation>«&#xa0;%1%2&#xa0;» n’est pas un état de remise&#xa0;: utilisez par ex. state:failed, state:delayed, state:delivered, state:displayed ou state:overdue.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; needs an address and a state: write e.g. recipient-state:bob@example.org=failed.</source>
        <translation>«&#xa0;%1%2&#xa0;» a besoin d’une adresse et d’un état&#xa0;: écrivez par ex. recipient-state:bob@example.org=failed.</translation>
    </message>
    <message>
        <source>&apos;%1%2&apos; is not an enhanced status code: write e.g. status:5.1.1.</source>
        <translation>«&#xa0;%1%2&#xa0;» n’est pas un code d’état étendu&#xa0;: écrivez par ex. status:5.1.1.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>SendPipeline</name>
    <message>
        <source>The message could not be built: %1</source>
        <translation>Le message n&apos;a pas pu être construit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message could not be put into the outbox: %1</source>
        <translation>Le message n&apos;a pas pu être placé dans la boîte d&apos;envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Le brouillon n&apos;a pas pu être enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Never send</source>
        <translation>Ne jamais envoyer</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Me demander</translation>
    </message>
    <message>
        <source>Always send</source>
        <translation>Toujours envoyer</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>a number of hours (0 or more)</source>
        <translation>un nombre d’heures (0 ou plus)</translation>
    </message>
    <message>
        <source>never, ask or always</source>
        <translation>never, ask ou always</translation>
    </message>
    <message>
        <source>a folder name</source>
        <translation>un nom de dossier</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>Cannot save the settings: %1</source>
        <translation>Impossible d’enregistrer les réglages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unknown setting &apos;%1&apos;.</source>
        <translation>Réglage inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid value for %2: expected %3.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une valeur valable pour %2&#xa0;: attendu %3.</translation>
    </message>
    <message>
        <source>Cannot read the settings: %1</source>
        <translation>Impossible de lire les réglages&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mailtrail: a mail client that tracks delivery per recipient.</source>
        <translation>Mailtrail&#xa0;: un client de messagerie qui suit la remise pour chaque destinataire.</translation>
    </message>
    <message>
        <source>Show version information and exit.</source>
        <translation>Afficher les informations de version et quitter.</translation>
    </message>
    <message>
        <source>Keep all data in &lt;dir&gt; instead of the user&apos;s profile.</source>
        <translation>Conserver toutes les données dans &lt;dir&gt; au lieu du profil de l&apos;utilisateur.</translation>
    </message>
    <message>
        <source>A mailto: URL to compose.</source>
        <translation>Une URL mailto: à rédiger.</translation>
    </message>
    <message>
        <source>Cannot open %1: only mailto: links are understood.</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: seuls les liens mailto: sont compris.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Afficher cette aide et quitter.</translation>
    </message>
    <message>
        <source>Start, open the profile and the windows, print what is open and quit (a check for installations).</source>
        <translation>Démarrer, ouvrir le profil et les fenêtres, afficher ce qui est ouvert et quitter (une vérification pour les installations).</translation>
    </message>
</context>
</TS>
