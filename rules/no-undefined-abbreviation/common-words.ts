// Ordinary English words that notes write in capitals for emphasis or in
// capitalised headings ("NOT", "NEXT STEPS", "DO NOT CALL"). A word in
// capitals that is one of these is not an abbreviation unless the
// abbreviation dictionary says so. Only words of up to five letters are
// needed: an unknown word in capitals of six letters or more ("HOSTILE",
// "URGENT") is taken to be emphasis, since abbreviations that long are in the
// dictionary (CAFCASS, OFSTED).
//
// Kept deliberately to everyday words: anything here is never reported when
// written in capitals, so no social-care initialism may be added (OT, TA, SW...).
const words = `
a am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we yo ya
ace act add ado age ago aid aim air ale all and ant any ape apt arc are ark arm art ash ask ate awe axe
bad bag ban bar bat bay bed bee beg bet bid big bin bit bow box boy bra bud bug bun bus but buy bye
cab can cap car cat cow coy cry cub cup cut dad dam day den dew did die dig dim din dip dog don dot dry due dug dye
ear eat egg ego elf elm end era eve ever eye
fab fad fan far fat fax fed fee few fib fig fin fit fix flu fly foe fog for fox fry fun fur
gag gap gas gel gem get gig gin god got gum gun gut guy gym
had ham has hat hay hem hen her hey hid him hip his hit hob hog hop hot how hug hum hut
ice icy ill ink inn its ivy jab jam jar jaw jet jig job jog joy jug
keg ken key kid kin kit lab lad lag lap law lay led leg let lid lie lip lit log lol lot low
mad man map mat may men met mid mix mob mop mud mug mum nag nan nap net new nil nip nod nor not now nun nut
oak oar oat odd off oil old one opt orb ore our out owe owl own
pad pal pan par pat paw pay pea peg pen pet pew pie pig pin pit ply pod pop pot pro pub pun pup put
rag ram ran rap rat raw ray red rib rid rig rim rip rob rod rot row rub rug rum run
sad sag sat saw say sea see set sew she shy sin sip sir sit six ski sky sly sob son sow soy spa spy sty sub sue sum sun
tab tag tan tap tar tax tea ten the tie tin tip toe ton too top toy try tub tug two
ugh urn use van vet vow wag war was wax way web wed wet who why wig win wit woe wok won woo wow yak yap yes yet you zip zoo
able ache acid acre aged also ally alms amid anew arch area army arms aunt auto avid away awol awry
baby back bake bald ball band bang bank bare bark barn base bath bead beak beam bean bear beat been beef beer bell belt bend bent best bike bill bind bird bite blew blow blue blur boat body boil bold bolt bomb bond bone book boom boot bore born boss both bowl bred brew brow buck bulk bull bump burn bury bush busy butt buzz
cafe cage cake calf call calm came camp card care cart case cash cast cell chap chat chef chin chip chop city clap clay clip club clue coal coat code coin cold come cook cool cope copy cord core corn cost cosy cosy crab crew crop crow cube cuff cure curl cute
dare dark darn dash data date dawn days dead deaf deal dean dear debt deck deed deep deer demo deny desk dial dice diet dine dirt dish dive dock does doll dome done door dose down drag draw drew drip drop drug drum dual duck dude duke dull dumb dump dusk dust duty
each earl earn ease east easy echo edge edit else emit envy epic even evil exam exit eyes
face fact fade fail fair fake fall fame fare farm fast fate fear feed feel feet fell felt fern file fill film find fine fire firm fish fist five flag flat fled flew flip flow foam foil fold folk fond font food fool foot ford fork form fort foul four free frog from fuel full fume fund fuse fuss
gain gale game gang gape gate gave gear gift girl give glad glee glow glue goal goat goes gold golf gone good gown grab gram gran gray grew grey grid grim grin grip grow gulf guru gust guys
hail hair half hall halt hand hang hard harm hate have hawk head heal heap hear heat heel held hell hello help herb herd here hero hers hide high hike hill hint hire hold hole holy home hood hook hope horn hose host hour huge hung hunt hurt hymn
icon idea idle inch info into iron isle item
jack jail jazz jeep jerk jobs join joke jump june jury just keen keep kept kick kill kind king kiss kite knee knew knit knot know
lack lady laid lake lamb lame lamp land lane last late lawn lazy lead leaf leak lean leap left lend lens less lest liar lick life lift like limb lime limp line link lion list live load loan lock loft logo lone long look loop lord lose loss lost loud love luck lump lung
made mail main make male mall many mark mash mask mass mate math maths maze meal mean meat meet melt memo mend menu mere mess mild mile milk mill mind mine mint miss mist mode mood moon more moss most move much mule must myth
nail name navy near neat neck need nest news next nice nine none noon norm nose note noun
oath obey odds okay once only onto open oral oven over owed owes pace pack page paid pain pair pale palm pane park part pass past path peak pear peel peer pick pier pile pill pine pink pint pipe plan play plea plot plug plum plus poem poet pole poll pond pony pool poor pope pork port pose post pour pray prey prom pull pump pure push
quit quiz race rack rage raid rail rain rank rare rash rate read real rear rely rent rest rice rich ride ring riot rise risk road roar rock rode role roll roof room root rope rose rude ruin rule rush rust
safe said sail sake sale salt same sand sang sank save seal seat seed seek seem seen self sell semi send sent shed ship shoe shop shot show shut sick side sigh sign silk sing sink site size skin skip slam slap slid slim slip slow snap snow soak soap sock sofa soft soil sold sole some song soon sore sort soul soup sour spin spit spot star stay stem step stir stop such suit sung sunk sure swap swim
tail take tale talk tall tank tape task taxi team tear tell tend tent term test text than that them then they thin this thus tick tide tidy tied tier ties tile till time tiny tire toad told toll tone tool tops torn tour town trap tray tree trip true tube tuck tune turn twin type
ugly undo unit upon urge used user vain vary vase vast very vest veto view vote
wage wait wake walk wall want ward warm warn wary wash wave weak wear week weep well went were west what when whip whom wide wife wild will wind wine wing wipe wire wise wish with woke wolf wood wool word wore work worm worn wrap yard yarn yeah year yell your zero zone
about above abuse actor acute adult after again agent agree ahead alarm alert alike alive allow alone along alter among angel anger angry ankle apart apple apply arena argue arise armed aside asked avoid awake award aware awful
badly baker basic basis beach beard beast began begin being below bench birth black blade blame bland blank blast blaze bleed blend bless blind block blood bloom blown board boast bones bonus boost booth bored bound brain brake brand brave bread break breed brick bride brief bring broad broke brown brush buddy build built bunch burst buyer
cabin cable calls candy carer cargo carry catch cause chain chair chalk champ charm chart chase cheap cheat check cheek cheer chess chest chief child chill china chips choir chose chunk civic civil claim class clean clear clerk click cliff climb cling clock close cloth cloud clown coach coast could count court cover crack craft crash crawl crazy cream crime crisp cross crowd crown crude cruel crush crust cycle
daily dairy dance dated dealt death debut decay delay depth diary dirty ditch dizzy dodge doing doubt dough dozen draft drain drama drank drawn dread dream dress dried drill drink drive drove drunk dying
eager early earth eaten eight elbow elder elect empty enemy enjoy enter entry equal error essay event every exact exist extra
faint faith false fancy fatal fault favor feast fence ferry fetch fever fewer field fifth fifty fight final first fixed flame flash fleet flesh float flood floor flour fluid flush focus force forth forty forum found frame fraud fresh fried front frost froze fruit fully funny
genre ghost giant given glass globe glory glove going goods grace grade grain grand grant grape graph grasp grass grave great greed green greet grief grill grind gross group grown guard guess guest guide guilt
habit happy harsh haste hated heard heart heavy hedge hello hence hobby holds honey honor horse hotel hound hours house human humor hurry
ideal image imply index inner input issue
jeans jelly jewel joint jolly judge juice jumpy knife knock known label labor large laser later laugh layer learn lease least leave legal lemon level light limit liver lives local lodge logic loose lorry loser lover lower loyal lucky lunch lying
magic major maker march match maybe mayor meant medal media mercy merge merit merry messy metal meter might minor minus mixed model money month moral motor mount mouse mouth moved movie muddy music
naked nanny nasty naval nerve never newly night noble noise noisy north noted novel nurse
occur ocean offer often older olive onion opera order other ought outer owner
paint panel panic paper party pasta patch pause peace pearl penny phase phone photo piano piece pilot pitch pizza place plain plane plant plate plead point poker polar porch pound power press price pride prime print prior prize proof proud prove pupil puppy purse
queen query quick quiet quite quote radio raise range rapid ratio reach react ready realm rebel refer relax reply rider ridge rifle right rigid rival river roast robot rocky rough round route royal rugby ruler rural
sadly salad sauce scale scare scarf scary scene scent scope score scout scrap screw sense serve seven shade shake shall shame shape share sharp sheep sheet shelf shell shift shine shiny shirt shock shoes shoot shore short shout shown sight silly since sixth sixty sized skill skirt skull slave sleep slept slice slide slope small smart smell smile smoke snack snake solid solve sorry sound south space spare spark speak speed spell spend spent spice spine spite split spoke sport spray squad stack staff stage stain stair stake stale stand stare start state steal steam steel steep steer stick stiff still sting stock stole stone stood stool store storm story stove strap straw stuck study stuff style sugar suite sunny super surge swear sweat sweep sweet swell swept swift swing sword
table taken taste teach teeth thank theft their theme there these thick thief thing think third those three threw throw thumb tidal tight timer tired title toast today token tooth topic torch total touch tough towel tower toxic trace track trade trail train trait treat trend trial tribe trick tried troop truck truly trunk trust truth tummy twice twist
uncle under unfit union unite unity until upper upset urban usage usual utter
valid value video villa virus visit vital vivid vocal voice voter
wages waist waste watch water weary weigh weird whale wheat wheel where which while white whole whose widow width woman women words world worry worse worst worth would wound wrist write wrong wrote
yield young yours youth
cannot dont didnt doesnt isnt wasnt wont cant ive im youre theyre
kg km cm mm ml mg mph kph hrs hr mins min secs sec lbs oz ft
mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
`;

/** Lower-case ordinary words; compare a capitalised token lower-cased. */
export const commonWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
