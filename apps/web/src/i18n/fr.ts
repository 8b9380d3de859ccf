/** French messages, the default language of Plume. `{name}` placeholders are filled by `t`. */
export const FR = {
  'app.name': 'Plume',
  'identity.title': 'Bienvenue sur Plume',
  'identity.prompt': 'Choisissez le nom que vos co-auteurs verront à côté de votre curseur.',
  'identity.label': 'Votre nom',
  'identity.submit': 'Continuer',
  'identity.change': 'Changer de nom',
  'identity.tooLong': 'Le nom doit faire au plus {max} caractères.',
  'notes.title': 'Notes',
  'notes.create.label': 'Titre de la nouvelle note',
  'notes.create.placeholder': 'Ex. : Économie — pouvoir d’achat',
  'notes.create.submit': 'Créer la note',
  'notes.empty': 'Aucune note pour l’instant. Créez la première ci-dessus.',
  'notes.loading': 'Chargement des notes…',
  'notes.updated': 'Modifiée {date}',
  'notes.loadFailed': 'Impossible de charger les notes : {reason}',
  'notes.createFailed': 'La note n’a pas pu être créée : {reason}',
  'note.back': '← Toutes les notes',
  'note.loading': 'Ouverture de la note…',
  'note.notFound': 'Cette note n’existe pas ou a été supprimée.',
  'note.refused':
    'Le serveur a refusé une modification et coupé la connexion (code {code}). Rechargez la page ; ce qui a été tapé depuis n’est pas enregistré.',
  'note.invalidId': 'Cette adresse ne correspond à aucune note.',
  'note.loadFailed': 'La note n’a pas pu être ouverte : {reason}',
  'note.editorLabel': 'Contenu de la note',
  'note.placeholder': 'Commencez à écrire…',
  'presence.label': 'Présents',
  'presence.you': '{name} (vous)',
  'status.connected': 'Connecté',
  'status.syncing': 'Synchronisation…',
  'status.offline': 'Hors ligne — vos modifications seront envoyées au retour du réseau',
  'status.refused': 'Connexion refusée',
  'error.network': 'le serveur ne répond pas',
  'error.server': 'erreur du serveur ({status})',
} as const;

/** Every message key, shared by all languages. */
export type MessageKey = keyof typeof FR;

/** A complete set of messages in one language. */
export type Messages = Record<MessageKey, string>;
