package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lexicons below are general English: they describe how news prose names
// people and bodies, never the words of one article. Every entry is folded
// (lower case, straight apostrophes, no dots).

// roleWords are nouns that name a person by what they do or are. Before a
// name they form a title ("Secretary of State John Kerry"); after "a" or
// "the" they describe a source ("a US military official", "the analyst").
var roleWords = wordSet(`
	president vice prime minister secretary chancellor premier senator sen
	representative rep congressman congresswoman congressmember lawmaker
	legislator mp governor gov mayor councillor councilor councilman
	councilwoman ambassador envoy consul diplomat general gen lieutenant lt
	colonel col major maj captain capt commander cmdr admiral adm sergeant sgt
	corporal marshal brigadier officer chief director chairman chairwoman chair
	chairperson ceo cfo coo cto executive founder cofounder co-founder head
	leader spokesman spokeswoman spokesperson adviser advisor aide analyst
	expert professor prof dr doctor lecturer researcher scientist economist
	strategist lawyer attorney prosecutor judge justice magistrate commissioner
	inspector detective superintendent sheriff constable deputy assistant
	king queen prince princess duke duchess lord lady sir dame baron baroness
	emir sheikh sultan pope cardinal archbishop bishop reverend rev father
	pastor rabbi imam ayatollah cleric mr mrs ms miss mx messrs coach manager
	striker defender goalkeeper player star actor actress singer author writer
	journalist correspondent editor reporter columnist presenter host anchor
	producer speaker whip clerk treasurer comptroller auditor registrar dean
	provost rector principal headteacher teacher student official source
	delegate negotiator mediator observer monitor representative administrator
	owner partner investor banker trader businessman businesswoman
	entrepreneur activist campaigner protester protestor demonstrator resident
	witness critic supporter opponent survivor victim relative neighbour
	neighbor farmer worker employee staffer insider veteran member candidate
	nominee contender challenger incumbent rival ally colleague friend mother
	father wife husband son daughter brother sister widow grandmother
	grandfather uncle aunt cousin man woman boy girl person people citizen
	voter fan consultant specialist physician surgeon nurse engineer architect
	historian academic scholar commentator pundit blogger officer soldier
	pilot commander militant fighter rebel insurgent guard agent investigator
	regulator watchdog mogul magnate tycoon billionaire chef artist musician
	successor predecessor passenger commuter driver shopkeeper landlord tenant
	parent teenager pensioner mp mep barrister solicitor juror defendant
	claimant plaintiff suspect detainee prisoner refugee migrant boss
	midfielder winger referee umpire cyclist runner swimmer boxer champion
	athlete golfer jockey trainer keeper skipper batsman bowler pitcher
	quarterback youngster dutchman frenchman englishman scotsman welshman
	irishman countryman countrywoman organiser organizer participant attendee
	marcher volunteer rescuer firefighter paramedic eyewitness bystander
	onlooker pupil miner shareholder customer consumer shopper broker dealer
	forecaster pollster lobbyist advocate
	director-general secretary-general attorney-general undersecretary
	under-secretary postman postwoman plumber electrician carpenter builder
	mechanic baker butcher fisherman cleaner waiter waitress cashier
	accountant librarian receptionist labourer laborer janitor caretaker
	carer midwife dentist pharmacist vet veterinarian novelist poet
	playwright composer painter sculptor photographer designer filmmaker
	comedian dancer rapper drummer guitarist pianist violinist songwriter
	podcaster influencer programmer coder tutor chemist physicist biologist
	geologist astronomer mathematician statistician epidemiologist
	psychologist psychiatrist sociologist therapist counsellor counselor
	economist spokesperson ombudsman mayor-elect president-elect
	granddaughter grandson niece nephew stepson stepdaughter stepfather
	stepmother fiance fiancee mum dad mom promoter
	det insp supt cllr cpl pte pvt cdr brig fr
`)

// roleSuffixes end words that name a person by their field: "virologist",
// "technician", "choreographer".
var roleSuffixes = []string{"ologist", "ician", "ographer"}

// hasRoleSuffix reports whether a folded word, or its plural, ends like a
// word for a specialist, or is a compound whose last part is a role
// ("singer-songwriter", "ex-minister").
func hasRoleSuffix(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i > 0 && i+1 < len(w) && !strings.HasSuffix(w, "-old") {
		first, last := w[:strings.IndexByte(w, '-')], w[i+1:]
		if (roleWords[last] || roleWords[strings.TrimSuffix(last, "s")]) && (roleWords[first] || portfolioWords[first] || first == "co") {
			return true
		}
	}
	w = strings.TrimSuffix(w, "s")
	for _, suf := range roleSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// portfolioWords complete a title without naming a role on their own: the
// "Foreign" of "Foreign Secretary", the "State" of "Secretary of State".
var portfolioWords = wordSet(`
	foreign defence defense interior home finance economy economic trade
	energy health education justice labour labor treasury state affairs
	security intelligence environment transport agriculture culture
	communications information development industry commerce homeland
	veterans housing immigration science technology tourism sports youth
	women welfare works planning national international public nuclear
	military armed forces staff joint chiefs cabinet party opposition
	majority minority republican democratic democrat conservative liberal
	green socialist communist senate house parliamentary congressional
	federal central reserve supreme high acting interim former ex late then
	incoming outgoing retired senior junior top chief deputy assistant associate
	executive managing general special principal regional local global
	policy
`)

// orgWords make a capitalised phrase the name of a body rather than of a
// person: "Press TV", "the Foreign Ministry", "United States".
var orgWords = wordSet(`
	ministry department agency office council committee commission union
	nations states kingdom republic emirates organization organisation
	association institute university college school hospital party army navy
	force forces police court senate parliament congress assembly government
	administration cabinet company corporation corp co inc ltd llc plc group
	bank fund foundation trust society center centre network news times post
	journal tribune herald telegraph guardian gazette press tv television
	radio channel service services authority board bureau command coalition
	alliance federation league club team church mosque house media airlines
	airways motors systems technologies holdings partners capital securities
	mining oil gas petroleum steel motors pharma
	pharmaceuticals foods brewery brewing telecom telecoms airline energy
	industries enterprises ventures labs laboratories studios records
	entertainment insurance investments logistics shipping railways railway
	rail transit semiconductor semiconductors electronics software robotics
	dynamics aerospace automotive chemicals materials devices instruments
	networks microsystems biotech therapeutics resources minerals metals
	construction properties realty apparel retail stores brands beverages
	micro freight
`)

// bodyTitles are common nouns that describe a company or an organisation
// before its name: "Chipmaker Veridian Semiconductor", "drone maker DJI",
// "logistics firm Al Noor Freight".
var bodyTitles = wordSet(`maker chipmaker carmaker automaker drugmaker planemaker toymaker
	retailer lender insurer airline giant firm company conglomerate startup start-up
	brewer utility broadcaster carrier supermarket chain manufacturer supplier
	group bank outlet operator`)

// nationalityWords are adjectives of nationality and region, which belong
// to a title ("Syrian President") and never to a name.
var nationalityWords = wordSet(`
	american british english scottish welsh irish french german italian
	spanish portuguese dutch belgian swiss austrian swedish norwegian danish
	finnish icelandic polish czech slovak hungarian romanian bulgarian greek
	turkish cypriot russian ukrainian belarusian georgian armenian
	azerbaijani kazakh uzbek chinese japanese korean taiwanese vietnamese
	thai cambodian malaysian indonesian filipino philippine singaporean
	indian pakistani afghan bangladeshi nepalese iranian iraqi syrian
	lebanese israeli palestinian jordanian saudi emirati qatari kuwaiti
	bahraini omani yemeni egyptian libyan tunisian algerian moroccan sudanese
	ethiopian eritrean somali kenyan ugandan tanzanian rwandan nigerian
	ghanaian senegalese malian congolese angolan zimbabwean zambian
	mozambican canadian mexican cuban venezuelan colombian brazilian
	argentine argentinian chilean peruvian bolivian ecuadorian uruguayan
	paraguayan australian european african asian arab western eastern
	northern southern kurdish gulf latin nordic baltic balkan persian soviet
	serbian croatian bosnian slovenian albanian macedonian estonian latvian
	lithuanian moldovan mongolian burmese laotian sri
`)

// demonymNouns name a person by nationality where the adjective differs:
// "the Scot", "the Spaniard". With the adjectives of nationalityWords they
// make descriptions such as "the Portuguese" or "the Brazilian".
var demonymNouns = wordSet(`scot swede dane finn pole turk spaniard brit kiwi aussie serb croat slovene`)

// isDemonym reports whether the folded word can name a person by
// nationality.
func isDemonym(w string) bool { return nationalityWords[w] || demonymNouns[w] }

// timeWords open adverbials and never name anyone.
var timeWords = wordSet(`
	monday tuesday wednesday thursday friday saturday sunday january february
	march april may june july august september october november december jan
	feb mar apr jun jul aug sep sept oct nov dec yesterday today tonight
	tomorrow morning afternoon evening night week weekend month year earlier
	later meanwhile however now then last next this
`)

// dayWords are the names of days and of the months that are not also
// given names or surnames (May, June, April and August are).
var dayWords = wordSet(`
	monday tuesday wednesday thursday friday saturday sunday january february
	september october november december
`)

// nameParticles join the parts of a name: "Bashar al-Assad", "Ursula von
// der Leyen", "Osama bin Laden".
var nameParticles = wordSet(`al el ad as ash bin ibn abu van von der den de del della di da du dos das le la ter ten y`)

// nameSuffixes end a name without being its surname: "Jr", "III", and the
// letters after a name ("KC", "OBE").
var nameSuffixes = wordSet(`jr sr ii iii iv kc qc obe mbe cbe kbe dbe esq phd`)

// genderOf maps honorifics and gendered role words to 'm' or 'f'.
var genderOf = map[string]byte{
	"mr": 'm', "sir": 'm', "lord": 'm', "king": 'm', "prince": 'm', "duke": 'm',
	"baron": 'm', "emir": 'm', "sheikh": 'm', "sultan": 'm', "pope": 'm',
	"father": 'm', "brother": 'm', "son": 'm', "husband": 'm', "uncle": 'm',
	"grandfather": 'm', "man": 'm', "boy": 'm', "congressman": 'm',
	"councilman": 'm', "chairman": 'm', "spokesman": 'm', "businessman": 'm',
	"actor": 'm', "policeman": 'm', "grandson": 'm', "nephew": 'm', "stepson": 'm',
	"stepfather": 'm', "boyfriend": 'm', "dad": 'm', "fisherman": 'm', "postman": 'm',
	"mrs": 'f', "ms": 'f', "miss": 'f', "dame": 'f', "lady": 'f', "queen": 'f',
	"princess": 'f', "duchess": 'f', "baroness": 'f', "mother": 'f',
	"sister": 'f', "daughter": 'f', "wife": 'f', "widow": 'f', "aunt": 'f',
	"grandmother": 'f', "woman": 'f', "girl": 'f', "congresswoman": 'f',
	"councilwoman": 'f', "chairwoman": 'f', "spokeswoman": 'f',
	"businesswoman": 'f', "actress": 'f', "policewoman": 'f', "madam": 'f',
	"granddaughter": 'f', "niece": 'f', "stepdaughter": 'f', "stepmother": 'f',
	"girlfriend": 'f', "mum": 'f', "mom": 'f', "waitress": 'f', "postwoman": 'f',
}

// honorifics are the titles that only ever stand before a person's name.
var honorifics = wordSet(`mr mrs ms miss mx dr prof sir dame lord lady messrs madam`)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isRoleWord reports whether the folded word names a person's role,
// including its plural ("officials", "witnesses").
func isRoleWord(w string) bool {
	if roleWords[w] || strings.HasSuffix(w, "-year-old") || hasRoleSuffix(w) {
		return true // "analyst", "the 76-year-old", "virologist"
	}
	if s, ok := singular(w); ok {
		return roleWords[s]
	}
	return false
}

// singular returns the folded word without a plural ending, and whether it
// had one.
func singular(w string) (string, bool) {
	switch {
	case w == "people" || w == "police" || w == "staff" || w == "media":
		return w, true
	case strings.HasSuffix(w, "men") && len(w) > 4:
		return w[:len(w)-3] + "man", true
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2], true
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s") && len(w) > 3:
		return w[:len(w)-1], true
	}
	return w, false
}

// isPluralNoun reports whether the folded noun is plural.
func isPluralNoun(w string) bool {
	_, ok := singular(w)
	return ok
}

// isAcronym reports whether a word is written in capitals, like "US",
// "U.S." or "NATO".
func isAcronym(raw string) bool {
	letters := 0
	for _, r := range raw {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}

// isNameTok reports whether a capitalised token can be part of a person's
// name: not a role, portfolio, organisation, nationality or day word, not a
// function word and not an acronym.
func isNameTok(t qtok, text string) bool {
	return t.upper && t.flags&(lxRole|lxRolePlural|lxPortfolio|lxOrg|lxNationality|lxDay|lxNameStop|lxBodyTitle) == 0 &&
		!isAcronym(text[t.start:t.end])
}

// stopWordsForNames are capitalised function words that open sentences and
// titles ("The", "Of") and are never names.
var stopWordsForNames = wordSet(`
	the a an of and or but for to in on at by with from as into than that this
	these those it its he she they we i you his her their our my your there
	here when while after before since although though because if so also
	still yet not no yes all some many most both each every other such what
	which who whom whose where why how clearly speaking asked according
	despite during following amid among between within without about over
	under again meanwhile however instead indeed moreover furthermore
	separately earlier later now then today yesterday one two three four five
	six seven eight nine eleven twelve twenty thirty forty fifty hundred
	hundreds thousand thousands million millions dozen dozens several
`)

// splitTitle splits a run of words that ends with a name into the title
// before the name and the name itself, returning the index in ph where the
// name starts (len(ph) when there is no name). Lower-case particles inside
// the name ("al-Assad", "von der Leyen"), initials and suffixes such as "Jr"
// belong to the name.
func splitTitle(ph []qtok, text string) int {
	n := len(ph)
	start := n
	last := n - 1 // the surname's position
	if last > 0 && ph[last].has(lxSuffix) {
		last--
	}
	for i := n - 1; i >= 0; i-- {
		t := ph[i]
		switch {
		case i > last:
			start = i
		case isNameTok(t, text) || hyphenName(text[t.start:t.end]):
			start = i
		case i == last && i > 0 && t.upper && t.has(lxRole|lxPortfolio) && !t.has(lxHonorific) && isNameTok(ph[i-1], text):
			// A surname that is also a title: "Stephen King", "Martin
			// Luther King", "Rachel Green", "John Major".
			start = i
		case t.has(lxParticle) && start < n && !t.is("as", "y"):
			// "Ursula von der Leyen", and "von der Leyen" on its own.
			start = i
		default:
			return start
		}
	}
	return start
}

// hyphenName reports whether a word is a particle joined to a name by a
// hyphen, such as "al-Assad".
func hyphenName(raw string) bool {
	i := strings.IndexByte(raw, '-')
	if i <= 0 || i+1 >= len(raw) || raw[0] < 'a' || raw[0] > 'z' {
		return false
	}
	return nameParticles[raw[:i]] && startsUpper(raw[i+1:])
}

// startsUpper reports whether s starts with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nameEnd returns how many of a name's folded words come before the
// suffixes that may end it ("jr", "kc"); at least one, unless there are none.
func nameEnd(lows []string) int {
	end := len(lows)
	for end > 1 && nameSuffixes[lows[end-1]] {
		end--
	}
	return end
}

// surnameKeys returns the folded keys under which a person is found by
// surname alone: the surname, also without a hyphenated particle
// ("al-assad" and "assad"), and with the particles written apart before it
// ("leyen" and "von der leyen"). A suffix such as "Jr" or "KC" is left out.
func surnameKeys(lows []string) []string {
	end := nameEnd(lows)
	if end == 0 {
		return nil
	}
	last := strings.TrimSuffix(lows[end-1], "'s")
	keys := []string{last}
	if p, rest, ok := strings.Cut(last, "-"); ok && nameParticles[p] && rest != "" {
		keys = append(keys, rest)
	}
	// A surname with separate particles: "von der Leyen".
	k := end - 1
	for k > 1 && nameParticles[lows[k-1]] {
		k--
	}
	if k < end-1 {
		keys = append(keys, strings.Join(lows[k:end], " "))
	}
	return keys
}
