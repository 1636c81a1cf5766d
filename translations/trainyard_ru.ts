<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ComputeTarget</name>
    <message>
        <source>Provisioning state</source>
        <translation>Состояние подготовки</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>VM priority</source>
        <translation>Приоритет ВМ</translation>
    </message>
</context>
<context>
    <name>Trainyard::AttachRemote::ConnectionPage</name>
    <message>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Where the machine is and how to sign in to it.</source>
        <translation>Адрес машины и способ входа на неё.</translation>
    </message>
    <message>
        <source>gpu-box</source>
        <translation>gpu-box</translation>
    </message>
    <message>
        <source>3 to 24 letters, digits and hyphens, starting with a letter</source>
        <translation>От 3 до 24 символов: буквы, цифры и дефисы; первый символ — буква</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>This workspace already has a compute target named “%1”.</source>
        <translation>В этой рабочей области уже есть вычислительный ресурс с именем «%1».</translation>
    </message>
    <message>
        <source>Slurm access</source>
        <translation>Доступ к Slurm</translation>
    </message>
    <message>
        <source>&amp;This computer submits jobs to Slurm</source>
        <translation>&amp;Этот компьютер отправляет задания в Slurm</translation>
    </message>
    <message>
        <source>A &amp;login node over SSH</source>
        <translation>&amp;Узел входа по SSH</translation>
    </message>
    <message>
        <source>This computer must have the Slurm commands (sinfo, scontrol, sbatch) and the cluster&apos;s configuration.</source>
        <translation>На этом компьютере должны быть установлены команды Slurm (sinfo, scontrol, sbatch) и конфигурация кластера.</translation>
    </message>
    <message>
        <source>The name of the compute target, and how Trainyard reaches Slurm.</source>
        <translation>Имя вычислительного ресурса и способ, которым Trainyard обращается к Slurm.</translation>
    </message>
    <message>
        <source>gpu-partition</source>
        <extracomment>An example compute target name</extracomment>
        <translation>gpu-partition</translation>
    </message>
</context>
<context>
    <name>Trainyard::AttachRemote::KindPage</name>
    <message>
        <source>Kind of Compute</source>
        <translation>Тип вычислительного ресурса</translation>
    </message>
    <message>
        <source>Choose what to attach to this workspace.</source>
        <translation>Выберите, что подключить к этой рабочей области.</translation>
    </message>
    <message>
        <source>&amp;Remote machine (SSH)</source>
        <translation>&amp;Удалённая машина (SSH)</translation>
    </message>
    <message>
        <source>A Linux machine you can sign in to with SSH: a workstation, a server or a cloud VM. Runs start there in their own folder and keep running when you close the studio.</source>
        <translation>Компьютер с Linux, на который можно войти по SSH: рабочая станция, сервер или облачная ВМ. Каждый запуск выполняется на нём в собственной папке и продолжает работу после закрытия студии.</translation>
    </message>
    <message>
        <source>&amp;Slurm partition</source>
        <translation>&amp;Раздел Slurm</translation>
    </message>
    <message>
        <source>An existing partition of a Slurm cluster, reached from this computer or through a login node over SSH. Runs are submitted to it with sbatch.</source>
        <translation>Существующий раздел кластера Slurm, доступный с этого компьютера или через узел входа по SSH. Запуски отправляются в него через sbatch.</translation>
    </message>
</context>
<context>
    <name>Trainyard::AttachRemote::PartitionPage</name>
    <message>
        <source>Try &amp;Again</source>
        <translation>&amp;Повторить попытку</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <source>The partitions Slurm reports. Runs on the new compute target are submitted to the one you pick.</source>
        <translation>Разделы, о которых сообщает Slurm. Запуски на новом вычислительном ресурсе будут отправляться в выбранный раздел.</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Узлы</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>ЦП</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>ГП</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n node(s), %2 CPUs</source>
        <translation>
            <numerusform>%1: %n узел, ЦП: %2</numerusform>
            <numerusform>%1: %n узла, ЦП: %2</numerusform>
            <numerusform>%1: %n узлов, ЦП: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking Slurm on this computer for its partitions…</source>
        <translation>Запрос списка разделов у Slurm на этом компьютере…</translation>
    </message>
    <message>
        <source>Signing in to %1 and asking Slurm for its partitions…</source>
        <translation>Вход на %1 и запрос списка разделов у Slurm…</translation>
    </message>
    <message>
        <source>Slurm could not be asked: %1</source>
        <extracomment>%1 is Slurm&apos;s or SSH&apos;s own message</extracomment>
        <translation>Не удалось опросить Slurm: %1</translation>
    </message>
    <message>
        <source>Go Back to change how Trainyard reaches Slurm, or try again.</source>
        <translation>Нажмите «Назад», чтобы изменить способ обращения к Slurm, или повторите попытку.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (по умолчанию)</translation>
    </message>
    <message>
        <source>Slurm %1</source>
        <translation>Slurm %1</translation>
    </message>
    <message>
        <source>Slurm %1, cluster “%2”</source>
        <translation>Slurm %1, кластер «%2»</translation>
    </message>
    <message>
        <source>Slurm reports no partition you can see.</source>
        <translation>Slurm не сообщает ни об одном доступном вам разделе.</translation>
    </message>
</context>
<context>
    <name>Trainyard::AttachRemote::ProbePage</name>
    <message>
        <source>Try &amp;Again</source>
        <translation>&amp;Повторить попытку</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Машина</translation>
    </message>
    <message>
        <source>What Trainyard found on the machine. Runs need python3 and a runs folder they can write to.</source>
        <translation>Что Trainyard обнаружил на машине. Для запусков нужны python3 и папка запусков, доступная для записи.</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>Операционная система:</translation>
    </message>
    <message>
        <source>Kernel:</source>
        <translation>Ядро:</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>Процессоры:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Память:</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <source>GPUs:</source>
        <translation>Графические процессоры:</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Папка запусков:</translation>
    </message>
    <message>
        <source>Write access:</source>
        <translation>Доступ на запись:</translation>
    </message>
    <message>
        <source>Free disk space:</source>
        <translation>Свободно на диске:</translation>
    </message>
    <message>
        <source>Signing in to %1 and looking around…</source>
        <translation>Вход на %1 и сбор сведений о машине…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>python3 not found</source>
        <translation>python3 не найден</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>не найдены</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>You can attach the machine, but runs will fail there until this is fixed:</source>
        <translation>Машину можно подключить, но запуски на ней будут завершаться с ошибкой, пока не будет устранено следующее:</translation>
    </message>
</context>
<context>
    <name>Trainyard::AttachRemote::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Finish signs in once more, checks the machine and adds it to the workspace.</source>
        <translation>При нажатии «Завершить» Trainyard ещё раз выполнит вход, проверит машину и добавит её в рабочую область.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Подключение:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Аутентификация:</translation>
    </message>
    <message>
        <source>Host key:</source>
        <translation>Ключ хоста:</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Папка запусков:</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Машина:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Проблемы:</translation>
    </message>
    <message>
        <source>Nothing secret is stored: the SSH agent signs in.</source>
        <translation>Секреты не сохраняются: вход выполняет агент SSH.</translation>
    </message>
    <message>
        <source>Attaching %1…</source>
        <translation>Подключение %1…</translation>
    </message>
    <message>
        <source>Finish asks Slurm once more for the partition and adds it to the workspace.</source>
        <translation>При нажатии «Завершить» Trainyard ещё раз запросит раздел у Slurm и добавит его в рабочую область.</translation>
    </message>
    <message>
        <source>Slurm access:</source>
        <translation>Доступ к Slurm:</translation>
    </message>
    <message>
        <source>Slurm environment:</source>
        <translation>Переменные Slurm:</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Раздел:</translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation>Кластер:</translation>
    </message>
    <message>
        <source>Nothing secret is stored: the Slurm commands run here as you.</source>
        <translation>Секреты не сохраняются: команды Slurm выполняются здесь от вашего имени.</translation>
    </message>
    <message>
        <source>Could not attach the partition: %1</source>
        <translation>Не удалось подключить раздел: %1</translation>
    </message>
</context>
<context>
    <name>Trainyard::AttachRemoteWizard</name>
    <message>
        <source>Attach Compute</source>
        <translation>Подключение вычислительного ресурса</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>Login node %1</source>
        <translation>Узел входа %1</translation>
    </message>
</context>
<context>
    <name>Trainyard::Cli::CommandLine</name>
    <message>
        <source>Show the workspace: its folder, database and contents.</source>
        <translation>Показать рабочую область: её папку, базу данных и содержимое.</translation>
    </message>
    <message>
        <source>List and inspect compute targets.</source>
        <translation>Просмотр вычислительных ресурсов и сведений о них.</translation>
    </message>
    <message>
        <source>Use the workspace in &lt;dir&gt; (default: $TRAINYARD_WORKSPACE, else %1).</source>
        <translation>Использовать рабочую область в каталоге &lt;каталог&gt; (по умолчанию — $TRAINYARD_WORKSPACE, а если переменная не задана — %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>каталог</translation>
    </message>
    <message>
        <source>format</source>
        <translation>формат</translation>
    </message>
    <message>
        <source>unknown option “%1”. Run “%2 --help” for the list of commands and options.</source>
        <translation>неизвестный параметр «%1». Список команд и параметров: «%2 --help».</translation>
    </message>
    <message>
        <source>no command given. Run “%1 --help” for the list of commands.</source>
        <translation>не указана команда. Список команд: «%1 --help».</translation>
    </message>
    <message>
        <source>Usage: %1 [--workspace DIR] [--output table|json] &lt;command&gt; [options]</source>
        <translation>Использование: %1 [--workspace КАТАЛОГ] [--output table|json] &lt;команда&gt; [параметры]</translation>
    </message>
    <message>
        <source>Train models on the compute you already have.</source>
        <translation>Обучайте модели на тех вычислительных мощностях, которые у вас уже есть.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Команды:</translation>
    </message>
    <message>
        <source>Run “%1 &lt;command&gt; --help” for the subcommands of a command.</source>
        <translation>Чтобы увидеть подкоманды команды, выполните «%1 &lt;команда&gt; --help».</translation>
    </message>
    <message>
        <source>unknown command “%1”. Run “%2 --help” for the list of commands.</source>
        <translation>неизвестная команда «%1». Список команд: «%2 --help».</translation>
    </message>
    <message>
        <source>“%1” needs a subcommand. Run “%2 %1 --help” for the list.</source>
        <translation>для команды «%1» нужно указать подкоманду. Список подкоманд: «%2 %1 --help».</translation>
    </message>
    <message>
        <source>Usage: %1 %2 &lt;subcommand&gt; [options]</source>
        <translation>Использование: %1 %2 &lt;подкоманда&gt; [параметры]</translation>
    </message>
    <message>
        <source>Subcommands:</source>
        <translation>Подкоманды:</translation>
    </message>
    <message>
        <source>“%1” has no subcommand “%2”. Run “%3 %1 --help” for the list.</source>
        <translation>у команды «%1» нет подкоманды «%2». Список подкоманд: «%3 %1 --help».</translation>
    </message>
    <message>
        <source>Usage: %1 %2 %3 [options]</source>
        <translation>Использование: %1 %2 %3 [параметры]</translation>
    </message>
    <message>
        <source>“%1 %2” needs %3. Run “%4 %1 %2 --help” for details.</source>
        <translation>для команды «%1 %2» нужно указать %3. Подробности: «%4 %1 %2 --help».</translation>
    </message>
    <message>
        <source>“%1 %2” got an unexpected argument “%3”.</source>
        <translation>команда «%1 %2» получила лишний аргумент «%3».</translation>
    </message>
    <message>
        <source>unknown output format “%1”: use table or json.</source>
        <translation>неизвестный формат вывода «%1»: укажите table или json.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>ТИП</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>СОСТОЯНИЕ</translation>
    </message>
    <message>
        <source>NODES</source>
        <translation>УЗЛЫ</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>РАЗМЕР</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>СОЗДАН</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>List the workspace&apos;s compute targets.</source>
        <translation>Вывести список вычислительных ресурсов рабочей области.</translation>
    </message>
    <message>
        <source>Show every property of one compute target.</source>
        <translation>Показать все свойства вычислительного ресурса.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Расположение</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Артефакты</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Версия схемы</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Compute targets</source>
        <translation>Вычислительные ресурсы</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Эксперименты</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>Show the workspace&apos;s folder, database and contents.</source>
        <translation>Показать папку, базу данных и содержимое рабочей области.</translation>
    </message>
    <message>
        <source>Validate and show run configuration files.</source>
        <translation>Проверка и просмотр файлов конфигураций запуска.</translation>
    </message>
    <message>
        <source>Attach a project folder: create .azureml/ with run configurations.</source>
        <translation>Подключение папки проекта: создание .azureml/ с конфигурациями запуска.</translation>
    </message>
    <message>
        <source>Output format: table (default) or json; some commands also yaml or csv.</source>
        <translation>Формат вывода: table (по умолчанию) или json; для некоторых команд также yaml или csv.</translation>
    </message>
    <message>
        <source>“%1 %2” cannot write %3: use --output %4.</source>
        <translation>команда «%1 %2» не поддерживает вывод в формате %3: используйте --output %4.</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>создан   %1</translation>
    </message>
    <message>
        <source>kept    %1 (it exists; not overwritten)</source>
        <translation>оставлен %1 (уже существует, не перезаписан)</translation>
    </message>
    <message>
        <source>Attached %1 to the workspace %2 (experiment “%3”).</source>
        <translation>Папка %1 подключена к рабочей области %2 (эксперимент «%3»).</translation>
    </message>
    <message>
        <source>Create .azureml/ with a run configuration per compute target, conda_dependencies.yml and config.json; existing files are kept.</source>
        <translation>Создать .azureml/ с конфигурацией запуска для каждого вычислительного ресурса, conda_dependencies.yml и config.json; существующие файлы сохраняются.</translation>
    </message>
    <message>
        <source>The experiment name (default: the folder&apos;s name).</source>
        <translation>Имя эксперимента (по умолчанию — имя папки).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>%1: no problems found.</source>
        <translation>%1: проблем не найдено.</translation>
    </message>
    <message>
        <source>%1 cannot be read; fix the errors above (see “runconfig validate”).</source>
        <translation>Не удаётся прочитать %1: исправьте ошибки, указанные выше (см. «runconfig validate»).</translation>
    </message>
    <message>
        <source>Check run configuration files and print every problem as file:line:column.</source>
        <translation>Проверить файлы конфигураций запуска и вывести все проблемы в формате файл:строка:столбец.</translation>
    </message>
    <message>
        <source>Do not check targets against a workspace.</source>
        <translation>Не сверять вычислительные ресурсы с рабочей областью.</translation>
    </message>
    <message>
        <source>Print a run configuration normalized: canonical keys, every key kept.</source>
        <translation>Вывести конфигурацию запуска в нормализованном виде: с каноническими именами ключей, без потери ключей.</translation>
    </message>
    <message>
        <source>The project folder (default: the current folder).</source>
        <translation>Папка проекта (по умолчанию — текущая папка).</translation>
    </message>
    <message>
        <source>Create and list experiments.</source>
        <translation>Создание и просмотр экспериментов.</translation>
    </message>
    <message>
        <source>Submit runs and follow their status, logs and metrics.</source>
        <translation>Отправка запусков и отслеживание их состояния, журналов и метрик.</translation>
    </message>
    <message>
        <source>“experiment create” needs --name NAME.</source>
        <translation>для команды «experiment create» нужно указать --name ИМЯ.</translation>
    </message>
    <message>
        <source>Experiment %1 is ready.</source>
        <translation>Эксперимент %1 готов.</translation>
    </message>
    <message>
        <source>RUNS</source>
        <translation>ЗАПУСКИ</translation>
    </message>
    <message>
        <source>LATEST RUN</source>
        <translation>ПОСЛЕДНИЙ ЗАПУСК</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>СОСТОЯНИЕ</translation>
    </message>
    <message>
        <source>Create an experiment.</source>
        <translation>Создать эксперимент.</translation>
    </message>
    <message>
        <source>The experiment&apos;s name.</source>
        <translation>Имя эксперимента.</translation>
    </message>
    <message>
        <source>List experiments with their run counts.</source>
        <translation>Вывести список экспериментов с числом запусков в каждом.</translation>
    </message>
    <message>
        <source>Run %1 failed to start: %2</source>
        <translation>Не удалось начать запуск %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Submitted run %1 to %2 (snapshot: %n file(s), %3 new).</source>
        <translation>
            <numerusform>Запуск %1 отправлен на %2 (снимок: %n файл, новых: %3).</numerusform>
            <numerusform>Запуск %1 отправлен на %2 (снимок: %n файла, новых: %3).</numerusform>
            <numerusform>Запуск %1 отправлен на %2 (снимок: %n файлов, новых: %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>пропущен %1</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Запуск %1: %2</translation>
    </message>
    <message>
        <source>unknown status “%1”: use NotStarted, Starting, Preparing, Queued, Running, Finalizing, CancelRequested, Completed, Failed, Canceled or NotResponding.</source>
        <translation>неизвестное состояние «%1»: укажите NotStarted, Starting, Preparing, Queued, Running, Finalizing, CancelRequested, Completed, Failed, Canceled или NotResponding.</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>ЗАПУСК</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>РЕСУРС</translation>
    </message>
    <message>
        <source>SUBMITTED</source>
        <translation>ОТПРАВЛЕН</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>ДЛИТЕЛЬНОСТЬ</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Эксперимент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Вычислительный ресурс</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начат</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Окончен</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Код завершения</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Скрипт</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументы</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Папка запуска</translation>
    </message>
    <message>
        <source>METRIC</source>
        <translation>МЕТРИКА</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>ЧИСЛО</translation>
    </message>
    <message>
        <source>LAST</source>
        <translation>ПОСЛЕДНЕЕ</translation>
    </message>
    <message>
        <source>MIN</source>
        <translation>МИН</translation>
    </message>
    <message>
        <source>MAX</source>
        <translation>МАКС</translation>
    </message>
    <message>
        <source>Run %1 has already ended (%2).</source>
        <translation>Запуск %1 уже закончен (%2).</translation>
    </message>
    <message>
        <source>Run %1 has no snapshot.</source>
        <translation>У запуска %1 нет снимка.</translation>
    </message>
    <message>
        <source>%1 is not empty; extract into a new or empty folder.</source>
        <translation>Папка %1 не пуста: извлеките снимок в новую или пустую папку.</translation>
    </message>
    <message>
        <source>Extracted the snapshot of %1 into %2.</source>
        <translation>Снимок запуска %1 извлечён в %2.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ПУТЬ</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The experiment.</source>
        <translation>Эксперимент.</translation>
    </message>
    <message>
        <source>Submit a script with a run configuration; arguments after -- go to the script.</source>
        <translation>Отправить скрипт на выполнение с конфигурацией запуска; аргументы после -- передаются скрипту.</translation>
    </message>
    <message>
        <source>A run configuration by name (local) or path (default: local).</source>
        <translation>Конфигурация запуска: имя (например, local) или путь к файлу (по умолчанию — local).</translation>
    </message>
    <message>
        <source>runconfig</source>
        <translation>конфигурация</translation>
    </message>
    <message>
        <source>Stream the log and wait until the run ends.</source>
        <translation>Выводить журнал по мере поступления и ждать окончания запуска.</translation>
    </message>
    <message>
        <source>Snapshot file limit (default 2000).</source>
        <translation>Максимальное число файлов в снимке (по умолчанию 2000).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>число</translation>
    </message>
    <message>
        <source>Snapshot size limit in MB (default 300).</source>
        <translation>Максимальный размер снимка в МБ (по умолчанию 300).</translation>
    </message>
    <message>
        <source>megabytes</source>
        <translation>мегабайты</translation>
    </message>
    <message>
        <source>List runs, newest first.</source>
        <translation>Вывести список запусков, начиная с самых новых.</translation>
    </message>
    <message>
        <source>Only runs in this status.</source>
        <translation>Только запуски в указанном состоянии.</translation>
    </message>
    <message>
        <source>status</source>
        <translation>состояние</translation>
    </message>
    <message>
        <source>Show a run: status, target, times, git and metrics.</source>
        <translation>Показать сведения о запуске: состояние, вычислительный ресурс, время, git и метрики.</translation>
    </message>
    <message>
        <source>Print a run&apos;s driver log.</source>
        <translation>Вывести журнал выполнения запуска.</translation>
    </message>
    <message>
        <source>Keep streaming until the run ends.</source>
        <translation>Продолжать вывод до окончания запуска.</translation>
    </message>
    <message>
        <source>Print a run&apos;s metrics at full resolution.</source>
        <translation>Вывести все значения метрик запуска, без прореживания.</translation>
    </message>
    <message>
        <source>Only this metric.</source>
        <translation>Только указанная метрика.</translation>
    </message>
    <message>
        <source>Cancel a run: SIGTERM, then SIGKILL after a grace period.</source>
        <translation>Отменить запуск: отправить SIGTERM, а по истечении времени ожидания — SIGKILL.</translation>
    </message>
    <message>
        <source>Wait until a run ends; exit code 0 only when it Completed.</source>
        <translation>Дождаться окончания запуска; код завершения 0 — только при состоянии Completed.</translation>
    </message>
    <message>
        <source>Give up after this many seconds.</source>
        <translation>Прекратить ожидание через указанное число секунд.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунды</translation>
    </message>
    <message>
        <source>List a run&apos;s snapshot, or extract it into a folder.</source>
        <translation>Вывести содержимое снимка запуска или извлечь его в папку.</translation>
    </message>
    <message>
        <source>List the files (the default).</source>
        <translation>Вывести список файлов (по умолчанию).</translation>
    </message>
    <message>
        <source>Write the files into &lt;dir&gt;.</source>
        <translation>Записать файлы в каталог &lt;каталог&gt;.</translation>
    </message>
    <message>
        <source>attach remote needs --name, --address and --username.</source>
        <translation>Для attach remote необходимо указать --name, --address и --username.</translation>
    </message>
    <message>
        <source>--ssh-port must be a number from 1 to 65535.</source>
        <translation>Значение --ssh-port должно быть числом от 1 до 65535.</translation>
    </message>
    <message>
        <source>Choose exactly one of --password-stdin, --private-key-file FILE and --agent.</source>
        <translation>Укажите ровно один из параметров: --password-stdin, --private-key-file FILE или --agent.</translation>
    </message>
    <message>
        <source>--passphrase-stdin goes with --private-key-file.</source>
        <translation>Параметр --passphrase-stdin используется только вместе с --private-key-file.</translation>
    </message>
    <message>
        <source>If this is the host&apos;s key (check with its administrator or `ssh-keygen -lf` on the host), attach again with --accept-host-key %1</source>
        <translation>Если это действительно ключ этого хоста (уточните у его администратора или выполните `ssh-keygen -lf` на хосте), повторите подключение с параметром --accept-host-key %1</translation>
    </message>
    <message>
        <source>trainyard-cli: warning: the secret is not remembered (%1); later commands will need it again.</source>
        <translation>trainyard-cli: предупреждение: секрет не сохранён (%1); последующим командам его придётся передать снова.</translation>
    </message>
    <message>
        <source>Detached %1.</source>
        <translation>Удалённая машина %1 отключена.</translation>
    </message>
    <message>
        <source>Attach a remote machine over SSH: checks the host key, signs in, probes it. Secrets are read from standard input and kept in the desktop keychain.</source>
        <translation>Подключает удалённую машину по SSH: проверяет ключ хоста, выполняет вход и опрашивает машину. Секреты считываются со стандартного ввода и хранятся в системной связке ключей.</translation>
    </message>
    <message>
        <source>The compute target&apos;s name.</source>
        <translation>Имя вычислительного ресурса.</translation>
    </message>
    <message>
        <source>Host name or IP address.</source>
        <translation>Имя хоста или IP-адрес.</translation>
    </message>
    <message>
        <source>SSH port (default 22).</source>
        <translation>Порт SSH (по умолчанию 22).</translation>
    </message>
    <message>
        <source>User name on the host.</source>
        <translation>Имя пользователя на хосте.</translation>
    </message>
    <message>
        <source>Sign in with a password read from standard input.</source>
        <translation>Выполнить вход с паролем, считанным со стандартного ввода.</translation>
    </message>
    <message>
        <source>Sign in with this private key (ed25519, ECDSA or RSA).</source>
        <translation>Выполнить вход с указанным закрытым ключом (ed25519, ECDSA или RSA).</translation>
    </message>
    <message>
        <source>Read the key&apos;s passphrase from standard input.</source>
        <translation>Считать парольную фразу ключа со стандартного ввода.</translation>
    </message>
    <message>
        <source>Sign in with the keys of the running ssh-agent.</source>
        <translation>Выполнить вход с ключами запущенного ssh-agent.</translation>
    </message>
    <message>
        <source>Trust the host key with this SHA256 fingerprint and remember it.</source>
        <translation>Доверять ключу хоста с указанным отпечатком SHA256 и запомнить его.</translation>
    </message>
    <message>
        <source>Where runs live on the host (default ~/.trainyard/runs).</source>
        <translation>Папка для запусков на хосте (по умолчанию ~/.trainyard/runs).</translation>
    </message>
    <message>
        <source>Detach a remote machine and delete its keychain entries.</source>
        <translation>Отключить удалённую машину и удалить её записи из связки ключей.</translation>
    </message>
    <message>
        <source>Connect to a remote machine and probe it again.</source>
        <translation>Подключиться к удалённой машине и опросить её повторно.</translation>
    </message>
    <message>
        <source>Downloading outputs: %1 of %2</source>
        <translation>Загрузка выходных файлов: %1 из %2</translation>
    </message>
    <message>
        <source>Uploading the snapshot: %1 of %2</source>
        <translation>Отправка снимка: %1 из %2</translation>
    </message>
    <message>
        <source>Unknown kind “%1”: attach remote or attach slurm.</source>
        <translation>Неизвестный тип «%1». Используйте attach remote или attach slurm.</translation>
    </message>
    <message>
        <source>--name is needed.</source>
        <translation>Нужен параметр --name.</translation>
    </message>
    <message>
        <source>create slurm needs --vm-size and --max-nodes.</source>
        <translation>Для create slurm нужны --vm-size и --max-nodes.</translation>
    </message>
    <message>
        <source>--vm-priority is dedicated or lowpriority.</source>
        <translation>Значение --vm-priority: dedicated или lowpriority.</translation>
    </message>
    <message>
        <source>attach slurm needs --partition.</source>
        <translation>Для attach slurm нужен --partition.</translation>
    </message>
    <message>
        <source>Unknown kind “%1”: create slurm.</source>
        <translation>Неизвестный тип «%1». Используйте create slurm.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Кластер %1 удалён.</translation>
    </message>
    <message>
        <source>update needs --max-nodes.</source>
        <translation>Для update нужен --max-nodes.</translation>
    </message>
    <message>
        <source>slurm: the partition to attach.</source>
        <translation>slurm: подключаемый раздел.</translation>
    </message>
    <message>
        <source>slurm: this computer submits the jobs (no SSH).</source>
        <translation>slurm: задания отправляет этот компьютер (без SSH).</translation>
    </message>
    <message>
        <source>Create a compute cluster: a Slurm partition over the nodes of one VM family (needs Slurm operator rights).</source>
        <translation>Создать вычислительный кластер: раздел Slurm из узлов одного семейства ВМ (нужны права оператора Slurm).</translation>
    </message>
    <message>
        <source>The VM family: a node shape the cluster offers (see the wizard or sinfo).</source>
        <translation>Семейство ВМ: конфигурация узлов, которую предлагает кластер (см. мастер или sinfo).</translation>
    </message>
    <message>
        <source>The most nodes a run may use.</source>
        <translation>Наибольшее число узлов для одного запуска.</translation>
    </message>
    <message>
        <source>Nodes kept when idle (default 0).</source>
        <translation>Сколько узлов сохранять при простое (по умолчанию 0).</translation>
    </message>
    <message>
        <source>Idle time before nodes are released.</source>
        <translation>Время простоя, после которого узлы освобождаются.</translation>
    </message>
    <message>
        <source>dedicated or lowpriority.</source>
        <translation>dedicated или lowpriority.</translation>
    </message>
    <message>
        <source>The partition&apos;s name (default: the target&apos;s name).</source>
        <translation>Имя раздела (по умолчанию — имя ресурса).</translation>
    </message>
    <message>
        <source>Change a compute cluster&apos;s scale settings.</source>
        <translation>Изменить параметры масштабирования кластера.</translation>
    </message>
    <message>
        <source>Delete a compute cluster (a partition Trainyard created is removed from Slurm).</source>
        <translation>Удалить вычислительный кластер (раздел, созданный Trainyard, удаляется из Slurm).</translation>
    </message>
    <message>
        <source>--slurm-env takes NAME=VALUE with a valid variable name, not “%1”.</source>
        <translation>--slurm-env принимает ИМЯ=ЗНАЧЕНИЕ с допустимым именем переменной, а не «%1».</translation>
    </message>
    <message>
        <source>slurm over SSH: a variable the Slurm commands need on the login node (repeatable).</source>
        <translation>slurm через SSH: переменная окружения для команд Slurm на узле входа (можно указать несколько раз).</translation>
    </message>
    <message>
        <source>Give the host&apos;s --address and --username (for a cluster, or --local).</source>
        <translation>Укажите --address и --username хоста (для кластера — либо --local).</translation>
    </message>
    <message>
        <source>--max-nodes takes a whole number of at least 1, not “%1”.</source>
        <translation>--max-nodes принимает целое число не меньше 1, а не «%1».</translation>
    </message>
    <message>
        <source>--min-nodes takes a whole number from 0 to --max-nodes (%1), not “%2”.</source>
        <translation>--min-nodes принимает целое число от 0 до --max-nodes (%1), а не «%2».</translation>
    </message>
    <message>
        <source>--idle-seconds-before-scaledown takes a whole number of seconds, not “%1”.</source>
        <translation>--idle-seconds-before-scaledown принимает целое число секунд, а не «%1».</translation>
    </message>
    <message>
        <source>--accept-host-key is for remote machines.</source>
        <translation>--accept-host-key применим только к удалённым машинам.</translation>
    </message>
    <message>
        <source>If this is the host&apos;s key (check with its administrator or `ssh-keygen -lf` on the host), test again with --accept-host-key %1</source>
        <translation>Если это действительно ключ этого хоста (уточните у его администратора или выполните `ssh-keygen -lf` на хосте), повторите проверку с параметром --accept-host-key %1</translation>
    </message>
</context>
<context>
    <name>Trainyard::ComputePage</name>
    <message>
        <source>Compute</source>
        <translation>Вычисления</translation>
    </message>
    <message>
        <source>Where your runs execute: this workstation, machines you reach over SSH, and Slurm clusters.</source>
        <translation>Где выполняются ваши запуски: на этом компьютере, на машинах, доступных по SSH, и в кластерах Slurm.</translation>
    </message>
    <message>
        <source>Filter by name, type, state or address</source>
        <translation>Фильтр по имени, типу, состоянию или адресу</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Select a compute target to see its details.</source>
        <translation>Выберите вычислительный ресурс, чтобы просмотреть сведения о нём.</translation>
    </message>
    <message>
        <source>New cluster…</source>
        <translation>Новый кластер…</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Подключить…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <source>The local target is built in and cannot be deleted.</source>
        <translation>Локальный вычислительный ресурс является встроенным, его нельзя удалить.</translation>
    </message>
    <message>
        <source>Delete the compute target “%1” from this workspace?</source>
        <translation>Удалить вычислительный ресурс «%1» из этой рабочей области?</translation>
    </message>
    <message>
        <source>Detach Compute Target</source>
        <translation>Отключение вычислительного ресурса</translation>
    </message>
    <message>
        <source>Delete Compute Target</source>
        <translation>Удаление вычислительного ресурса</translation>
    </message>
    <message>
        <source>Cannot Remove Compute Target</source>
        <translation>Не удаётся удалить вычислительный ресурс</translation>
    </message>
    <message>
        <source>Detached %1.</source>
        <translation>Ресурс %1 отключён.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Ресурс %1 удалён.</translation>
    </message>
    <message>
        <source>Attach a machine you reach over SSH</source>
        <translation>Подключить машину, доступную по SSH</translation>
    </message>
    <message>
        <source>Connect to %1 and check it again</source>
        <translation>Подключиться к %1 и проверить ещё раз</translation>
    </message>
    <message>
        <source>Connection tests are for remote machines.</source>
        <translation>Проверка подключения доступна только для удалённых машин.</translation>
    </message>
    <message>
        <source>Detach the remote machine “%1” from this workspace? Its password or passphrase is removed from the keychain; the machine itself is not changed.</source>
        <translation>Отключить удалённую машину «%1» от этой рабочей области? Её пароль или парольная фраза будут удалены из связки ключей; сама машина не изменится.</translation>
    </message>
    <message>
        <source>Attached %1, with problems: %2</source>
        <translation>Ресурс %1 подключён, но есть проблемы: %2</translation>
    </message>
    <message>
        <source>Attached %1.</source>
        <translation>Ресурс %1 подключён.</translation>
    </message>
    <message>
        <source>The secret is not in a keychain (%1): it will be needed again after Trainyard quits.</source>
        <translation>Секрет не сохранён в связке ключей (%1): после завершения работы Trainyard его придётся ввести снова.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Проверка подключения к %1…</translation>
    </message>
    <message>
        <source>Test connection to %1: %2</source>
        <translation>Проверка подключения к %1: %2</translation>
    </message>
    <message>
        <source>Testing %1 failed.</source>
        <translation>Не удалось проверить %1.</translation>
    </message>
    <message>
        <source>Test connection to %1: %2.</source>
        <translation>Проверка подключения к %1: %2.</translation>
    </message>
    <message>
        <source>Test connection to %1: %2 — %3</source>
        <translation>Проверка подключения к %1: %2 — %3</translation>
    </message>
    <message>
        <source>Tested %1: %2.</source>
        <translation>Ресурс %1 проверен: %2.</translation>
    </message>
    <message>
        <source>Detaching %1…</source>
        <translation>Отключение %1…</translation>
    </message>
    <message>
        <source>Could not detach %1: %2</source>
        <translation>Не удалось отключить %1: %2</translation>
    </message>
    <message>
        <source>Cannot Detach Compute Target</source>
        <translation>Не удаётся отключить вычислительный ресурс</translation>
    </message>
    <message>
        <source>idle</source>
        <extracomment>State of a cluster node</extracomment>
        <translation>простаивают</translation>
    </message>
    <message>
        <source>running</source>
        <translation>заняты</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>готовятся</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>недоступны</translation>
    </message>
    <message>
        <source>leaving</source>
        <translation>освобождаются</translation>
    </message>
    <message>
        <source>preempted</source>
        <translation>вытеснены</translation>
    </message>
    <message>
        <source>steady</source>
        <extracomment>Allocation state of a compute cluster</extracomment>
        <translation>стабильное</translation>
    </message>
    <message>
        <source>resizing</source>
        <translation>изменение размера</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>Масштабировать…</translation>
    </message>
    <message>
        <source>Create a Slurm partition over nodes of one VM family</source>
        <translation>Создать раздел Slurm из узлов одного семейства ВМ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>ЦП</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>ГП</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Узлы</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Низкий приоритет</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <translation>Выделенные</translation>
    </message>
    <message>
        <source>Allocation state</source>
        <translation>Состояние выделения</translation>
    </message>
    <message>
        <source>Nodes %1</source>
        <extracomment>A row of a cluster&apos;s details: the number of nodes in a state</extracomment>
        <translation>Узлы %1</translation>
    </message>
    <message>
        <source>Slurm: %1</source>
        <translation>Slurm: %1</translation>
    </message>
    <message>
        <source>Change the maximum number of nodes of %1</source>
        <translation>Изменить максимальное число узлов в %1</translation>
    </message>
    <message>
        <source>Scaling is for compute clusters.</source>
        <translation>Масштабирование доступно только для вычислительных кластеров.</translation>
    </message>
    <message>
        <source>Delete the compute cluster “%1”? Trainyard created it, so the partition %2 is removed from Slurm too (the nodes stay). Jobs still queued in it are refused by Slurm.</source>
        <translation>Удалить вычислительный кластер «%1»? Он был создан в Trainyard, поэтому раздел %2 также будет удалён из Slurm (узлы останутся). Задания, ещё стоящие в его очереди, Slurm отклонит.</translation>
    </message>
    <message>
        <source>Delete the compute cluster “%1” from this workspace? The partition %2 was attached, not created here: it stays in Slurm.</source>
        <translation>Удалить вычислительный кластер «%1» из этой рабочей области? Раздел %2 был подключён, а не создан здесь, поэтому он останется в Slurm.</translation>
    </message>
    <message>
        <source>Delete Compute Cluster</source>
        <translation>Удаление вычислительного кластера</translation>
    </message>
    <message>
        <source>Creating %1 failed: %2</source>
        <translation>Не удалось создать %1: %2</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>Кластер %1 создан.</translation>
    </message>
    <message>
        <source>Creating %1 failed.</source>
        <translation>Не удалось создать %1.</translation>
    </message>
    <message>
        <source>Refreshing %1 failed: %2</source>
        <translation>Не удалось обновить %1: %2</translation>
    </message>
    <message>
        <source>Scale Compute Cluster</source>
        <translation>Масштабирование вычислительного кластера</translation>
    </message>
    <message numerus="yes">
        <source>Maximum nodes for %1 (the partition has %n node(s)):</source>
        <translation>
            <numerusform>Максимум узлов для %1 (в разделе %n узел):</numerusform>
            <numerusform>Максимум узлов для %1 (в разделе %n узла):</numerusform>
            <numerusform>Максимум узлов для %1 (в разделе %n узлов):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scaling %1 to at most %n node(s)…</source>
        <translation>
            <numerusform>Масштабирование %1: не более %n узла…</numerusform>
            <numerusform>Масштабирование %1: не более %n узлов…</numerusform>
            <numerusform>Масштабирование %1: не более %n узлов…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not scale %1: %2</source>
        <translation>Не удалось масштабировать %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 now uses at most %n node(s).</source>
        <translation>
            <numerusform>Теперь %1 использует не более %n узла.</numerusform>
            <numerusform>Теперь %1 использует не более %n узлов.</numerusform>
            <numerusform>Теперь %1 использует не более %n узлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>Удаление %1…</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <source>Trust the Host Key</source>
        <translation>Доверие ключу хоста</translation>
    </message>
    <message>
        <source>The host key of %1 (%2) is not trusted, so Trainyard does not connect to it.</source>
        <translation>Ключу хоста %1 (%2) нет доверия, поэтому Trainyard к нему не подключается.</translation>
    </message>
    <message>
        <source>Its fingerprint is:</source>
        <translation>Отпечаток ключа:</translation>
    </message>
    <message>
        <source>Trust it only if it is the one the host&apos;s administrator gives you (ssh-keygen -lf on the host). Trainyard will remember it.</source>
        <translation>Доверяйте ему, только если он совпадает с тем, что сообщил администратор хоста (ssh-keygen -lf на хосте). Trainyard его запомнит.</translation>
    </message>
    <message>
        <source>Trust and Remember</source>
        <translation>Доверять и запомнить</translation>
    </message>
    <message>
        <source>Trusting the host key of %1 and testing the connection…</source>
        <translation>Ключ хоста %1 добавляется в доверенные, подключение проверяется…</translation>
    </message>
</context>
<context>
    <name>Trainyard::ComputeTarget</name>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n процессор</numerusform>
            <numerusform>%n процессора</numerusform>
            <numerusform>%n процессоров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPU</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 / %3</source>
        <extracomment>Node counts of a compute target: idle / busy / total</extracomment>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Provisioning state</source>
        <translation>Состояние подготовки</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Имя узла</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>Порт SSH</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>Папка запусков</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <source>VM family</source>
        <translation>Семейство ВМ</translation>
    </message>
    <message>
        <source>VM priority</source>
        <translation>Приоритет ВМ</translation>
    </message>
    <message>
        <source>Minimum nodes</source>
        <translation>Минимум узлов</translation>
    </message>
    <message>
        <source>Maximum nodes</source>
        <translation>Максимум узлов</translation>
    </message>
    <message>
        <source>Idle seconds before scale-down</source>
        <translation>Простой до уменьшения масштаба, с</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Операционная система</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Ядро</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Архитектура</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>Число процессоров</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>Графические процессоры</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Nodes (idle / busy / total)</source>
        <translation>Узлы (свободно / занято / всего)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Локальный</translation>
    </message>
    <message>
        <source>Remote machine</source>
        <translation>Удалённая машина</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Кластер Slurm</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Создаётся</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Обновляется</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Удаляется</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Готов</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>A compute target needs a name.</source>
        <translation>Укажите имя вычислительного ресурса.</translation>
    </message>
    <message>
        <source>The name “%1” is reserved for this workstation; choose another name.</source>
        <translation>Имя «%1» зарезервировано для этого компьютера, выберите другое.</translation>
    </message>
    <message numerus="yes">
        <source>The name “%1” has %n character(s); a compute target name needs 3 to 24.</source>
        <translation>
            <numerusform>Имя «%1» содержит %n символ, а имя вычислительного ресурса должно содержать от 3 до 24 символов.</numerusform>
            <numerusform>Имя «%1» содержит %n символа, а имя вычислительного ресурса должно содержать от 3 до 24 символов.</numerusform>
            <numerusform>Имя «%1» содержит %n символов, а имя вычислительного ресурса должно содержать от 3 до 24 символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The name “%1” may contain only letters, digits and hyphens (-).</source>
        <translation>Имя «%1» может содержать только буквы, цифры и дефисы (-).</translation>
    </message>
    <message>
        <source>The name “%1” must start with a letter.</source>
        <translation>Имя «%1» должно начинаться с буквы.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Закрытый ключ</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>Агент SSH</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <extracomment>State of a compute target whose host could not be reached at the last check</extracomment>
        <translation>Недоступен</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Аутентификация</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Файл закрытого ключа</translation>
    </message>
    <message>
        <source>Host key type</source>
        <translation>Тип ключа хоста</translation>
    </message>
    <message>
        <source>Host key fingerprint</source>
        <translation>Отпечаток ключа хоста</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Доступен</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Последняя проверка</translation>
    </message>
    <message>
        <source>Runs folder on the host</source>
        <translation>Папка запусков на хосте</translation>
    </message>
    <message>
        <source>Runs folder writable</source>
        <translation>Папка запусков доступна для записи</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>Свободно на диске</translation>
    </message>
    <message>
        <source>partition %1 (this computer)</source>
        <translation>раздел %1 (этот компьютер)</translation>
    </message>
    <message>
        <source>mixed nodes</source>
        <extracomment>Size column of a Slurm partition whose nodes differ in CPUs, memory or GPUs</extracomment>
        <translation>разные узлы</translation>
    </message>
    <message>
        <source>Untrusted host key</source>
        <translation>Ключ хоста без доверия</translation>
    </message>
</context>
<context>
    <name>Trainyard::ComputeTargetModel</name>
    <message>
        <source>This workstation. Built in: it cannot be deleted or renamed.</source>
        <translation>Этот компьютер. Встроенный ресурс: его нельзя удалить или переименовать.</translation>
    </message>
    <message>
        <source>Nodes: idle / busy / total</source>
        <translation>Узлы: свободно / занято / всего</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Узлы</translation>
    </message>
    <message>
        <source>Size / family</source>
        <translation>Размер / семейство</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
</context>
<context>
    <name>Trainyard::CondaDependencies</name>
    <message>
        <source>A conda dependencies file must be a map with “name”, “channels” and “dependencies”.</source>
        <translation>Файл зависимостей conda должен быть словарём с ключами «name», «channels» и «dependencies».</translation>
    </message>
    <message>
        <source>“channels” must be a list of channel names.</source>
        <translation>Значение «channels» должно быть списком имён каналов.</translation>
    </message>
    <message>
        <source>Each dependency must be a package such as “python=3.11”, or the one “pip:” list.</source>
        <translation>Каждая зависимость должна быть пакетом, например «python=3.11», или единственным списком «pip:».</translation>
    </message>
    <message>
        <source>“dependencies” must be a list of packages.</source>
        <translation>Значение «dependencies» должно быть списком пакетов.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Не удаётся записать %1: %2.</translation>
    </message>
</context>
<context>
    <name>Trainyard::CredentialStore</name>
    <message>
        <source>The keychain can only be used by an application with an event loop.</source>
        <translation>Связку ключей может использовать только приложение с циклом обработки событий.</translation>
    </message>
    <message>
        <source>No D-Bus session bus is running, so there is no keychain to use.</source>
        <translation>Сеансовая шина D-Bus не запущена, поэтому связка ключей недоступна.</translation>
    </message>
    <message>
        <source>No keychain service (GNOME Keyring, KWallet or another Secret Service) is running.</source>
        <translation>Не запущена ни одна служба связки ключей (GNOME Keyring, KWallet или другая реализация Secret Service).</translation>
    </message>
    <message>
        <source>Could not remove %1 from the keychain. %2</source>
        <translation>Не удалось удалить %1 из связки ключей. %2</translation>
    </message>
    <message>
        <source>The keychain cannot be used: %1</source>
        <translation>Связка ключей недоступна: %1</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>Связка ключей не ответила в течение %n секунды.</numerusform>
            <numerusform>Связка ключей не ответила в течение %n секунд.</numerusform>
            <numerusform>Связка ключей не ответила в течение %n секунд.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::ExperimentModel</name>
    <message>
        <source>No runs</source>
        <translation>Нет запусков</translation>
    </message>
    <message>
        <source>Latest run: %1</source>
        <translation>Последний запуск: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>Latest status</source>
        <translation>Последнее состояние</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
</context>
<context>
    <name>Trainyard::ExperimentsPage</name>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Назад (Alt+Left)</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Эксперименты</translation>
    </message>
    <message>
        <source>Each experiment groups the runs of one project. Open one to see its runs, their last metric values, and to compare them.</source>
        <translation>Эксперимент объединяет запуски одного проекта. Откройте эксперимент, чтобы просмотреть его запуски и последние значения их метрик, а также сравнить запуски между собой.</translation>
    </message>
    <message>
        <source>Filter by name or latest status</source>
        <translation>Фильтр по имени или последнему состоянию</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the experiments and runs again</source>
        <translation>Заново загрузить эксперименты и запуски</translation>
    </message>
    <message>
        <source>No experiments yet</source>
        <translation>Экспериментов пока нет</translation>
    </message>
    <message>
        <source>Open the sample project and press Submit (Run ▸ Submit…, Ctrl+Return). Every project&apos;s runs are grouped here by experiment, with run counts and the latest status.</source>
        <translation>Откройте пример проекта и нажмите «Отправить» (Запуск ▸ Отправить…, Ctrl+Return). Здесь запуски всех проектов сгруппированы по экспериментам, с числом запусков и последним состоянием.</translation>
    </message>
    <message>
        <source>No runs in this experiment yet</source>
        <translation>В этом эксперименте пока нет запусков</translation>
    </message>
    <message>
        <source>Submit the experiment&apos;s project folder to start its first run.</source>
        <translation>Отправьте папку проекта этого эксперимента, чтобы создать первый запуск.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s). Open a run to follow it; select two or more and choose Compare to chart their metrics together.</source>
        <translation>
            <numerusform>%n запуск. Откройте запуск, чтобы следить за ним; выберите два или более и нажмите «Сравнить», чтобы показать их метрики на общих графиках.</numerusform>
            <numerusform>%n запуска. Откройте запуск, чтобы следить за ним; выберите два или более и нажмите «Сравнить», чтобы показать их метрики на общих графиках.</numerusform>
            <numerusform>%n запусков. Откройте запуск, чтобы следить за ним; выберите два или более и нажмите «Сравнить», чтобы показать их метрики на общих графиках.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s) — Trainyard</source>
        <translation>
            <numerusform>Сравнение: %n запуск — Trainyard</numerusform>
            <numerusform>Сравнение: %n запуска — Trainyard</numerusform>
            <numerusform>Сравнение: %n запусков — Trainyard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::FindingModel</name>
    <message>
        <source>%1
Key: %2</source>
        <extracomment>Tooltip of a finding: the message, then the run configuration key it is about</extracomment>
        <translation>%1
Ключ: %2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>Trainyard::Gui</name>
    <message>
        <source>Trainyard studio: train models on the compute you already have.</source>
        <translation>Студия Trainyard: обучайте модели на тех вычислительных мощностях, которые у вас уже есть.</translation>
    </message>
    <message>
        <source>Open the workspace in &lt;dir&gt;.</source>
        <translation>Открыть рабочую область в каталоге &lt;каталог&gt;.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>каталог</translation>
    </message>
    <message>
        <source>User interface language: en or ru (default: the system&apos;s).</source>
        <translation>Язык интерфейса: en или ru (по умолчанию — язык системы).</translation>
    </message>
    <message>
        <source>language</source>
        <translation>язык</translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation>Не удаётся открыть рабочую область</translation>
    </message>
    <message>
        <source>Nothing was changed on disk. You can open another workspace folder instead.</source>
        <translation>На диске ничего не изменено. Вы можете открыть другую папку рабочей области.</translation>
    </message>
    <message>
        <source>Choose Another Folder…</source>
        <translation>Выбрать другую папку…</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Открыть рабочую область</translation>
    </message>
    <message>
        <source>Open the Submit dialog for the project in &lt;dir&gt;.</source>
        <translation>Открыть диалог отправки для проекта в каталоге &lt;каталог&gt;.</translation>
    </message>
</context>
<context>
    <name>Trainyard::JobScript</name>
    <message>
        <source>Trainyard could not copy the project files this host already held into the run folder (the error is above).</source>
        <translation>Trainyard не смог скопировать в папку запуска файлы проекта, которые уже были на этом хосте (ошибка выше).</translation>
    </message>
    <message>
        <source>userManagedDependencies is false, but neither conda nor mamba is on PATH.</source>
        <translation>userManagedDependencies равен false, но ни conda, ни mamba нет в PATH.</translation>
    </message>
</context>
<context>
    <name>Trainyard::LocalCommandRunner</name>
    <message>
        <source>this computer</source>
        <translation>этом компьютере</translation>
    </message>
    <message>
        <source>No command to run.</source>
        <translation>Не указана команда для выполнения.</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not finish within %n second(s) on %2.</source>
        <translation>
            <numerusform>Команда %1 на %2 не завершилась за %n секунду.</numerusform>
            <numerusform>Команда %1 на %2 не завершилась за %n секунды.</numerusform>
            <numerusform>Команда %1 на %2 не завершилась за %n секунд.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::LocalRunHost</name>
    <message>
        <source>Cannot copy %1 into the workspace.</source>
        <translation>Не удаётся скопировать %1 в рабочую область.</translation>
    </message>
</context>
<context>
    <name>Trainyard::LocalRunner</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Не удаётся прочитать %1: %2.</translation>
    </message>
    <message>
        <source>Cannot start the run: setsid (util-linux) is needed: %1.</source>
        <translation>Не удаётся начать запуск: требуется setsid (util-linux): %1.</translation>
    </message>
    <message>
        <source>Cannot mark the run for cancellation: %1.</source>
        <translation>Не удаётся пометить запуск для отмены: %1.</translation>
    </message>
</context>
<context>
    <name>Trainyard::LogView</name>
    <message>
        <source>Find in log (Ctrl+F)</source>
        <translation>Найти в журнале (Ctrl+F)</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Нет совпадений</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>%1+ matches</source>
        <translation>Совпадений: %1+</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::MainWindow</name>
    <message>
        <source>Trainyard</source>
        <translation>Trainyard</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Навигация</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Открыть рабочую область…</translation>
    </message>
    <message>
        <source>Open another workspace folder</source>
        <translation>Открыть другую папку рабочей области</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Вычисления</translation>
    </message>
    <message>
        <source>&amp;Experiments</source>
        <translation>&amp;Эксперименты</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>&amp;Запуски</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Фильтр…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;About Trainyard</source>
        <translation>&amp;О программе Trainyard</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Вычисления</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Эксперименты</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>%1 — Trainyard</source>
        <translation>%1 — Trainyard</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Рабочая область %1</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Открыть рабочую область</translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation>Не удаётся открыть рабочую область</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Обновлено.</translation>
    </message>
    <message>
        <source>About Trainyard</source>
        <translation>О программе Trainyard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Trainyard %1&lt;/h3&gt;&lt;p&gt;Train machine-learning models on the compute you already have: this workstation, machines reached over SSH, and Slurm clusters.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trainyard %1&lt;/h3&gt;&lt;p&gt;Обучайте модели машинного обучения на тех вычислительных мощностях, которые у вас уже есть: на этом компьютере, на машинах, доступных по SSH, и в кластерах Slurm.&lt;/p&gt;&lt;p&gt;Рабочая область: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <source>&amp;New Run Configuration</source>
        <translation>&amp;Новая конфигурация запуска</translation>
    </message>
    <message>
        <source>Edit a new run configuration, made from the template for this workstation</source>
        <translation>Создать конфигурацию запуска на основе шаблона для этого компьютера и открыть её для редактирования</translation>
    </message>
    <message>
        <source>Open &amp;Run Configuration…</source>
        <translation>Открыть &amp;конфигурацию запуска…</translation>
    </message>
    <message>
        <source>Edit a run configuration file</source>
        <translation>Редактировать файл конфигурации запуска</translation>
    </message>
    <message>
        <source>Open &amp;Project Folder…</source>
        <translation>Открыть папку &amp;проекта…</translation>
    </message>
    <message>
        <source>Edit the run configurations of a project folder (in .azureml or aml_config)</source>
        <translation>Редактировать конфигурации запуска в папке проекта (в .azureml или aml_config)</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Отправить…</translation>
    </message>
    <message>
        <source>Submit a project folder as a run (Ctrl+Return)</source>
        <translation>Отправить папку проекта на выполнение (Ctrl+Return)</translation>
    </message>
    <message numerus="yes">
        <source>Submitted %1 with %n warning(s): see its Overview.</source>
        <translation>
            <numerusform>Запуск %1 отправлен с %n предупреждением: см. вкладку «Обзор» запуска.</numerusform>
            <numerusform>Запуск %1 отправлен с %n предупреждениями: см. вкладку «Обзор» запуска.</numerusform>
            <numerusform>Запуск %1 отправлен с %n предупреждениями: см. вкладку «Обзор» запуска.</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted %1.</source>
        <translation>Запуск %1 отправлен.</translation>
    </message>
    <message>
        <source>No Run Configurations</source>
        <translation>Нет конфигураций запуска</translation>
    </message>
    <message>
        <source>%1 has no run configurations in .azureml or aml_config. Create .azureml/local.runconfig from the template for this workstation?</source>
        <translation>В папке %1 нет конфигураций запуска ни в .azureml, ни в aml_config. Создать .azureml/local.runconfig из шаблона для этого компьютера?</translation>
    </message>
    <message>
        <source>Cannot Create Run Configuration</source>
        <translation>Не удаётся создать конфигурацию запуска</translation>
    </message>
    <message>
        <source>Cannot create the folder .azureml in %1.</source>
        <translation>Не удаётся создать папку .azureml в %1.</translation>
    </message>
    <message>
        <source>Open Run Configuration</source>
        <translation>Открыть конфигурацию запуска</translation>
    </message>
    <message>
        <source>The project has several run configurations. Which one do you want to edit?</source>
        <translation>В проекте несколько конфигураций запуска. Какую из них вы хотите редактировать?</translation>
    </message>
    <message>
        <source>Project folder %1</source>
        <translation>Папка проекта %1</translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation>Открыть папку проекта</translation>
    </message>
    <message>
        <source>Following runs: %1</source>
        <translation>Отслеживаемые запуски: %1</translation>
    </message>
    <message>
        <source>Outputs of %1 downloaded.</source>
        <translation>Выходные файлы запуска %1 загружены.</translation>
    </message>
    <message>
        <source>%1: outputs %2 of %3</source>
        <translation>%1: выходные файлы, %2 из %3</translation>
    </message>
</context>
<context>
    <name>Trainyard::MetricChartGrid</name>
    <message>
        <source>Log scale</source>
        <translation>Логарифмическая шкала</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>Ось X:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Relative time (s)</source>
        <translation>Относительное время (с)</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Абсолютное время</translation>
    </message>
    <message>
        <source>What the horizontal axis of every chart shows</source>
        <translation>Что откладывается по горизонтальной оси всех графиков</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Сглаживание:</translation>
    </message>
    <message>
        <source>Exponential moving average of each line (TensorBoard&apos;s debiased EMA); the raw values stay visible as a faint line</source>
        <translation>Экспоненциальное скользящее среднее для каждой линии (EMA с коррекцией смещения, как в TensorBoard); исходные значения остаются видны в виде бледной линии</translation>
    </message>
    <message>
        <source>Loading metrics…</source>
        <translation>Загрузка метрик…</translation>
    </message>
    <message>
        <source>Filter metrics</source>
        <translation>Фильтр метрик</translation>
    </message>
    <message>
        <source>No metrics yet</source>
        <translation>Метрик пока нет</translation>
    </message>
    <message>
        <source>Charts appear here as the script logs values, for example trainyard.log(&apos;loss&apos;, 0.25).</source>
        <translation>Графики появятся здесь, когда скрипт начнёт записывать значения, например trainyard.log(&apos;loss&apos;, 0.25).</translation>
    </message>
    <message>
        <source>There are no charts yet.</source>
        <translation>Графиков пока нет.</translation>
    </message>
    <message>
        <source>A log scale needs values above zero, and every metric here has values of zero or below.</source>
        <translation>Для логарифмической шкалы нужны значения больше нуля, а у всех метрик здесь есть нулевые или отрицательные значения.</translation>
    </message>
    <message>
        <source>Show the y axes on a logarithmic scale. These charts stay linear because they have values of zero or below: %1</source>
        <translation>Показывать оси Y в логарифмической шкале. Эти графики останутся линейными, так как содержат нулевые или отрицательные значения: %1</translation>
    </message>
    <message>
        <source>Show the y axes on a logarithmic scale</source>
        <translation>Показывать оси Y в логарифмической шкале</translation>
    </message>
</context>
<context>
    <name>Trainyard::MetricChartView</name>
    <message>
        <source>Log</source>
        <translation>Лог.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Save this chart as an image or its data as CSV</source>
        <translation>Сохранить график как изображение или его данные в формате CSV</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Экспорт в PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>A log scale needs values above zero, and %1 has values of zero or below.</source>
        <translation>Для логарифмической шкалы нужны значения больше нуля, а метрика %1 содержит нулевые или отрицательные значения.</translation>
    </message>
    <message>
        <source>A log scale needs values above zero, and this metric has values of zero or below.</source>
        <translation>Для логарифмической шкалы нужны значения больше нуля, а эта метрика содержит нулевые или отрицательные значения.</translation>
    </message>
    <message>
        <source>There are no values to show on a log scale yet.</source>
        <translation>Пока нет значений для отображения в логарифмической шкале.</translation>
    </message>
    <message>
        <source>Show the y axis on a logarithmic scale</source>
        <translation>Показывать ось Y в логарифмической шкале</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>Сглаженное</translation>
    </message>
    <message>
        <source>Cannot write the image %1: check that the folder exists and is writable.</source>
        <translation>Не удаётся записать изображение %1: убедитесь, что папка существует и доступна для записи.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation>Логарифмическая шкала</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Экспорт графика в PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Экспорт графика</translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation>Экспорт данных графика в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Chart Data</source>
        <translation>Экспорт данных графика</translation>
    </message>
</context>
<context>
    <name>Trainyard::MetricWriter</name>
    <message>
        <source>The workspace database reported an error: %1</source>
        <translation>База данных рабочей области сообщила об ошибке: %1</translation>
    </message>
</context>
<context>
    <name>Trainyard::NewCluster::FamilyPage</name>
    <message>
        <source>Probe Again</source>
        <translation>Опросить снова</translation>
    </message>
    <message>
        <source>VM Family</source>
        <translation>Семейство ВМ</translation>
    </message>
    <message>
        <source>The node shapes the cluster offers. The new partition takes the nodes of the one you pick.</source>
        <translation>Конфигурации узлов, которые предлагает кластер. Новый раздел получит узлы выбранной конфигурации.</translation>
    </message>
    <message>
        <source>VM family</source>
        <translation>Семейство ВМ</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>ЦП</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>ГП</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <source>Nodes available</source>
        <translation>Доступно узлов</translation>
    </message>
    <message>
        <source>Asking Slurm for its nodes…</source>
        <translation>Запрос списка узлов у Slurm…</translation>
    </message>
    <message>
        <source>Slurm could not be asked: %1</source>
        <extracomment>%1 is Slurm&apos;s or SSH&apos;s own message</extracomment>
        <translation>Не удалось опросить Slurm: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Slurm reports no nodes in any partition you can see.</source>
        <translation>Slurm не сообщает ни об одном узле в доступных вам разделах.</translation>
    </message>
    <message>
        <source>Slurm %1</source>
        <translation>Slurm %1</translation>
    </message>
    <message>
        <source>Slurm %1, cluster “%2”</source>
        <translation>Slurm %1, кластер «%2»</translation>
    </message>
    <message>
        <source>You (%1) may create partitions: %2.</source>
        <translation>Вы (%1) можете создавать разделы: %2.</translation>
    </message>
    <message>
        <source>You (%1) are not a Slurm operator: creating a partition needs operator rights (root, the SlurmUser or AdminLevel=Administrator), and Slurm will probably refuse it. Attach an existing partition instead (Attach… on the Compute page).</source>
        <translation>Вы (%1) не являетесь оператором Slurm: для создания раздела нужны права оператора (root, SlurmUser или AdminLevel=Administrator), поэтому Slurm, скорее всего, откажет. Вместо этого подключите существующий раздел («Подключить…» на странице «Вычисления»).</translation>
    </message>
    <message>
        <source>Signing in to %1 and asking Slurm for its nodes…</source>
        <translation>Вход на %1 и запрос списка узлов у Slurm…</translation>
    </message>
    <message>
        <source>Go Back to change how Trainyard reaches Slurm, or probe again.</source>
        <translation>Нажмите «Назад», чтобы изменить способ обращения к Slurm, или опросите его снова.</translation>
    </message>
</context>
<context>
    <name>Trainyard::NewCluster::LoginPage</name>
    <message>
        <source>Login Node</source>
        <translation>Узел входа</translation>
    </message>
    <message>
        <source>Where the cluster&apos;s login node is and how to sign in to it. Runs are uploaded to the runs folder there, which the compute nodes must share.</source>
        <translation>Где находится узел входа кластера и как на него войти. Запуски загружаются в папку запусков на нём; она должна быть общей с вычислительными узлами.</translation>
    </message>
</context>
<context>
    <name>Trainyard::NewCluster::NamePage</name>
    <message>
        <source>Name and Access</source>
        <translation>Имя и доступ</translation>
    </message>
    <message>
        <source>A compute cluster is a Slurm partition over nodes of one VM family. Name it and say how Trainyard reaches Slurm.</source>
        <translation>Вычислительный кластер — это раздел Slurm из узлов одного семейства ВМ. Укажите имя кластера и способ, которым Trainyard обращается к Slurm.</translation>
    </message>
    <message>
        <source>e.g. gpu-cluster</source>
        <translation>например, gpu-cluster</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>3 to 24 letters, digits and hyphens, starting with a letter. The partition gets the same name.</source>
        <translation>От 3 до 24 букв, цифр и дефисов, первый символ — буква. Раздел получит такое же имя.</translation>
    </message>
    <message>
        <source>Slurm access:</source>
        <translation>Доступ к Slurm:</translation>
    </message>
    <message>
        <source>This computer must have the Slurm commands (sinfo, scontrol, sbatch) and the cluster&apos;s configuration.</source>
        <translation>На этом компьютере должны быть установлены команды Slurm (sinfo, scontrol, sbatch) и конфигурация кластера.</translation>
    </message>
    <message>
        <source>The workspace already has a compute target named “%1”.</source>
        <translation>В рабочей области уже есть вычислительный ресурс с именем «%1».</translation>
    </message>
    <message>
        <source>&amp;This computer submits jobs to Slurm</source>
        <translation>&amp;Этот компьютер отправляет задания в Slurm</translation>
    </message>
    <message>
        <source>A &amp;login node over SSH</source>
        <translation>&amp;Узел входа по SSH</translation>
    </message>
    <message>
        <source>Trainyard signs in to the cluster&apos;s login node and runs the Slurm commands there. The host key is checked before a password is sent or a key is used.</source>
        <translation>Trainyard входит на узел входа кластера и выполняет команды Slurm там. Ключ хоста проверяется до того, как будет отправлен пароль или использован ключ.</translation>
    </message>
</context>
<context>
    <name>Trainyard::NewCluster::ScalePage</name>
    <message>
        <source>Dedicated</source>
        <translation>Выделенные</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Низкий приоритет</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>How many nodes of the VM family the cluster may use, and when they scale down.</source>
        <translation>Сколько узлов семейства ВМ может использовать кластер и когда их число сокращается.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Low-priority nodes may be preempted: a preempted job restarts, it does not resume.</source>
        <translation>Узлы с низким приоритетом могут быть вытеснены: вытесненное задание запускается заново, а не продолжается.</translation>
    </message>
    <message>
        <source>Ma&amp;ximum nodes:</source>
        <translation>&amp;Максимум узлов:</translation>
    </message>
    <message>
        <source>Mi&amp;nimum nodes:</source>
        <translation>Ми&amp;нимум узлов:</translation>
    </message>
    <message>
        <source>0 lets the cluster scale to zero when it is idle.</source>
        <translation>Значение 0 позволяет кластеру при простое сокращаться до нуля узлов.</translation>
    </message>
    <message>
        <source>&amp;Idle seconds before scale-down:</source>
        <translation>&amp;Время простоя до сокращения:</translation>
    </message>
    <message>
        <source>Applies where the cluster uses Slurm&apos;s power saving.</source>
        <translation>Действует, если в кластере используется энергосбережение Slurm.</translation>
    </message>
    <message>
        <source>VM priority:</source>
        <translation>Приоритет ВМ:</translation>
    </message>
    <message numerus="yes">
        <source>The VM family has %n node(s).</source>
        <translation>
            <numerusform>В семействе ВМ %n узел.</numerusform>
            <numerusform>В семействе ВМ %n узла.</numerusform>
            <numerusform>В семействе ВМ %n узлов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::NewCluster::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Finish creates the partition in Slurm and adds the cluster to the workspace.</source>
        <translation>Нажмите «Завершить», чтобы создать раздел в Slurm и добавить кластер в рабочую область.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Slurm access:</source>
        <translation>Доступ к Slurm:</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>VM family:</source>
        <translation>Семейство ВМ:</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n node(s): %2</source>
        <translation>
            <numerusform>%1
%n узел: %2</numerusform>
            <numerusform>%1
%n узла: %2</numerusform>
            <numerusform>%1
%n узлов: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation>Узлы:</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>от %1 до %2</translation>
    </message>
    <message>
        <source>Idle seconds before scale-down:</source>
        <translation>Время простоя до сокращения (с):</translation>
    </message>
    <message>
        <source>VM priority:</source>
        <translation>Приоритет ВМ:</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Низкий приоритет</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <translation>Выделенные</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>Создание %1…</translation>
    </message>
    <message>
        <source>Could not create the cluster: %1</source>
        <translation>Не удалось создать кластер: %1</translation>
    </message>
    <message>
        <source>Slurm refused the partition: %1

The compute target %2 is recorded as Failed; delete it from the Compute page when you no longer need it.</source>
        <translation>Slurm отклонил создание раздела: %1

Вычислительный ресурс %2 помечен как «Сбой»; удалите его на странице «Вычисления», когда он станет не нужен.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Login node %1</source>
        <translation>Узел входа %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Аутентификация:</translation>
    </message>
    <message>
        <source>Host key:</source>
        <translation>Ключ хоста:</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Папка запусков:</translation>
    </message>
    <message>
        <source>Slurm environment:</source>
        <translation>Переменные Slurm:</translation>
    </message>
    <message>
        <source>Nothing secret is stored: the SSH agent signs in.</source>
        <translation>Секреты не сохраняются: вход выполняет агент SSH.</translation>
    </message>
</context>
<context>
    <name>Trainyard::NewClusterWizard</name>
    <message>
        <source>New Compute Cluster</source>
        <translation>Новый вычислительный кластер</translation>
    </message>
</context>
<context>
    <name>Trainyard::PathGuard</name>
    <message>
        <source>The path is empty.</source>
        <translation>Путь не указан.</translation>
    </message>
    <message>
        <source>The path “%1” contains a NUL character.</source>
        <translation>Путь «%1» содержит символ NUL.</translation>
    </message>
    <message>
        <source>The path “%1” is absolute; use a path relative to the project folder.</source>
        <translation>Путь «%1» абсолютный; укажите путь относительно папки проекта.</translation>
    </message>
    <message>
        <source>The path “%1” leads outside the project folder.</source>
        <translation>Путь «%1» ведёт за пределы папки проекта.</translation>
    </message>
    <message>
        <source>The path “%1” names the project folder itself, not a file in it.</source>
        <translation>Путь «%1» указывает на саму папку проекта, а не на файл в ней.</translation>
    </message>
    <message>
        <source>The path “%1” leads outside the project folder through a symbolic link.</source>
        <translation>Путь «%1» ведёт за пределы папки проекта через символическую ссылку.</translation>
    </message>
</context>
<context>
    <name>Trainyard::ProjectFolder</name>
    <message>
        <source>No run configuration was named.</source>
        <translation>Не указана конфигурация запуска.</translation>
    </message>
    <message>
        <source>There is no run configuration file %1.</source>
        <translation>Файл конфигурации запуска %1 не найден.</translation>
    </message>
    <message>
        <source>There is no run configuration “%1” in %2: looked for .azureml/%1.runconfig and aml_config/%1.runconfig.</source>
        <translation>В %2 нет конфигурации запуска «%1»: проверены .azureml/%1.runconfig и aml_config/%1.runconfig.</translation>
    </message>
    <message>
        <source>The project folder %1 does not exist.</source>
        <translation>Папка проекта %1 не существует.</translation>
    </message>
    <message>
        <source>Cannot create %1: check that the project folder is writable.</source>
        <translation>Не удаётся создать %1: убедитесь, что папка проекта доступна для записи.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Не удаётся записать %1: %2.</translation>
    </message>
</context>
<context>
    <name>Trainyard::PropertyListModel</name>
    <message>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
</context>
<context>
    <name>Trainyard::RemoteMachine</name>
    <message>
        <source>The probe failed on the host (exit status %1): %2</source>
        <translation>Не удалось опросить хост (код завершения %1): %2</translation>
    </message>
    <message>
        <source>The runs folder %1 cannot be written there: choose another one or fix its permissions.</source>
        <translation>Папка запусков %1 на хосте недоступна для записи: выберите другую папку или исправьте права доступа.</translation>
    </message>
    <message>
        <source>python3 was not found on the host&apos;s PATH: install it, or set interpreterPath in the run configuration.</source>
        <translation>python3 не найден в PATH на хосте: установите его или задайте interpreterPath в конфигурации запуска.</translation>
    </message>
    <message>
        <source>The password for %1 is not stored (there is no keychain, or it was removed): attach the target again with its password, or use a key or an SSH agent.</source>
        <translation>Пароль для %1 не сохранён (связка ключей отсутствует или запись была удалена): подключите ресурс заново, указав пароль, или используйте ключ либо агент SSH.</translation>
    </message>
    <message>
        <source>Unknown authentication method for %1.</source>
        <translation>Неизвестный способ аутентификации для %1.</translation>
    </message>
    <message>
        <source>A compute target named “%1” already exists.</source>
        <translation>Вычислительный ресурс с именем «%1» уже существует.</translation>
    </message>
    <message>
        <source>A remote machine needs an address and a user name.</source>
        <translation>Для удалённой машины необходимо указать адрес и имя пользователя.</translation>
    </message>
    <message>
        <source>%1 is not a remote machine.</source>
        <translation>%1 не является удалённой машиной.</translation>
    </message>
    <message>
        <source>%1 is not a remote machine; only remote machines are detached.</source>
        <translation>%1 не является удалённой машиной; отключать можно только удалённые машины.</translation>
    </message>
    <message>
        <source>Runs on %1 are still active (%2): cancel them or wait until they end, then detach.</source>
        <translation>На %1 ещё выполняются запуски (%2): отмените их или дождитесь их завершения, затем отключите машину.</translation>
    </message>
    <message>
        <source>The passphrase of %1 for %2 is not stored (there is no keychain, or it was removed): attach the target again with it, or load the key into an SSH agent.</source>
        <translation>Парольная фраза ключа %1 для %2 не сохранена (связки ключей нет или запись удалена): подключите ресурс заново, указав её, или загрузите ключ в SSH-агент.</translation>
    </message>
    <message>
        <source>No host key fingerprint to trust for %1.</source>
        <translation>Для %1 нет отпечатка ключа хоста, которому можно доверять.</translation>
    </message>
    <message>
        <source>When %1 was attached, the host presented %2: this is another key. If the host&apos;s keys were replaced, detach %1 and attach it again.</source>
        <translation>При подключении %1 хост предъявил %2, а сейчас — другой ключ. Если ключи хоста действительно заменили, отключите %1 и подключите заново.</translation>
    </message>
    <message>
        <source>%1 was attached with the host key %2, not %3. If the host&apos;s keys were replaced, detach %1 and attach it again.</source>
        <translation>%1 подключён с ключом хоста %2, а не %3. Если ключи хоста действительно заменили, отключите %1 и подключите заново.</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunCompareWidget</name>
    <message>
        <source>Nothing to compare yet</source>
        <translation>Пока нечего сравнивать</translation>
    </message>
    <message>
        <source>Select two or more runs that logged scalar metrics, then choose Compare.</source>
        <translation>Выберите два или более запуска со скалярными метриками и нажмите «Сравнить».</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation>
            <numerusform>Сравнить %n запуск</numerusform>
            <numerusform>Сравнить %n запуска</numerusform>
            <numerusform>Сравнить %n запусков</numerusform>
        </translation>
    </message>
    <message>
        <source>No runs selected</source>
        <translation>Запуски не выбраны</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunConfigurationEditor</name>
    <message>
        <source>The text has errors, so the form shows the last configuration that could be read. Changing the form replaces the text.</source>
        <translation>Текст содержит ошибки, поэтому в форме показана последняя конфигурация, которую удалось прочитать. Изменения в форме заменят текст.</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Скрипт</translation>
    </message>
    <message>
        <source>&amp;Script:</source>
        <translation>&amp;Скрипт:</translation>
    </message>
    <message>
        <source>The script to run, relative to the project folder. Leave it empty to name the script when you submit.</source>
        <translation>Запускаемый скрипт; путь указывается относительно папки проекта. Оставьте поле пустым, чтобы указать скрипт при отправке.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose a script inside the project folder</source>
        <translation>Выбрать скрипт в папке проекта</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>&amp;Аргументы:</translation>
    </message>
    <message>
        <source>One argument per line, for example:
--epochs
10</source>
        <translation>По одному аргументу в строке, например:
--epochs
10</translation>
    </message>
    <message>
        <source>Passed to the script in this order, one per line</source>
        <translation>Передаются скрипту в указанном порядке, по одному в строке</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Вычисления</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ресурс:</translation>
    </message>
    <message>
        <source>The compute target the run executes on: one of the workspace&apos;s targets</source>
        <translation>Вычислительный ресурс, на котором выполняется запуск: один из ресурсов рабочей области</translation>
    </message>
    <message>
        <source>F&amp;ramework:</source>
        <translation>&amp;Фреймворк:</translation>
    </message>
    <message>
        <source>&amp;Communicator:</source>
        <translation>&amp;Коммуникатор:</translation>
    </message>
    <message>
        <source>How the processes of a distributed run talk to each other</source>
        <translation>Способ взаимодействия процессов распределённого запуска</translation>
    </message>
    <message>
        <source>&amp;Nodes:</source>
        <translation>Число &amp;узлов:</translation>
    </message>
    <message>
        <source>How many nodes of the target the run uses</source>
        <translation>Сколько узлов вычислительного ресурса использует запуск</translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation>&amp;Ограничение по времени:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без ограничения</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>The run is canceled after this many seconds</source>
        <translation>Запуск отменяется по истечении указанного числа секунд</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>&amp;Интерпретатор:</translation>
    </message>
    <message>
        <source>Run with this Python interpreter as it is (user-managed dependencies): you install the packages yourself</source>
        <translation>Запускать с этим интерпретатором Python как есть (зависимостями управляет пользователь): пакеты вы устанавливаете сами</translation>
    </message>
    <message>
        <source>The interpreter on the compute target, a command or a path</source>
        <translation>Интерпретатор на вычислительном ресурсе: команда или путь</translation>
    </message>
    <message>
        <source>Conda fil&amp;e:</source>
        <translation>Фай&amp;л conda:</translation>
    </message>
    <message>
        <source>Build a conda environment from this file before the run</source>
        <translation>Перед запуском создать среду conda из этого файла</translation>
    </message>
    <message>
        <source>A conda environment file, relative to the project folder</source>
        <translation>Файл среды conda; путь указывается относительно папки проекта</translation>
    </message>
    <message>
        <source>Choose a conda environment file inside the project folder</source>
        <translation>Выбрать файл среды conda в папке проекта</translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation>&amp;Переменные:</translation>
    </message>
    <message>
        <source>Environment variables set for the run</source>
        <translation>Переменные среды, задаваемые для запуска</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add an environment variable</source>
        <translation>Добавить переменную среды</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected environment variables</source>
        <translation>Удалить выбранные переменные среды</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Run in a &amp;Docker container</source>
        <translation>Выполнять в контейнере &amp;Docker</translation>
    </message>
    <message>
        <source>&amp;Base image:</source>
        <translation>&amp;Базовый образ:</translation>
    </message>
    <message>
        <source>for example python:3.11-slim</source>
        <translation>например, python:3.11-slim</translation>
    </message>
    <message>
        <source>S&amp;hared memory:</source>
        <translation>Общая па&amp;мять:</translation>
    </message>
    <message>
        <source>for example 2g</source>
        <translation>например, 2g</translation>
    </message>
    <message>
        <source>The size of /dev/shm in the container (a number with b, k, m or g)</source>
        <translation>Размер /dev/shm в контейнере (число с суффиксом b, k, m или g)</translation>
    </message>
    <message>
        <source>&amp;Mount the project folder instead of copying it</source>
        <translation>Мо&amp;нтировать папку проекта вместо копирования</translation>
    </message>
    <message>
        <source>Shared volumes: the container sees the project folder of the host</source>
        <translation>Общие тома: контейнер видит папку проекта на хосте</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>C&amp;ollect the outputs folder after the run</source>
        <translation>Со&amp;хранять папку выходных файлов после запуска</translation>
    </message>
    <message>
        <source>Sna&amp;pshot the project folder with each run</source>
        <translation>Со&amp;здавать снимок папки проекта при каждом запуске</translation>
    </message>
    <message>
        <source>&amp;Watched folders:</source>
        <translation>О&amp;тслеживаемые папки:</translation>
    </message>
    <message>
        <source>Folders whose files stream while the run executes, separated by commas</source>
        <translation>Папки, файлы из которых передаются во время выполнения запуска; указываются через запятую</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>&amp;New from Template</source>
        <translation>&amp;Создать из шаблона</translation>
    </message>
    <message>
        <source>Start a new run configuration for this workstation</source>
        <translation>Создать новую конфигурацию запуска для этого компьютера</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a run configuration file</source>
        <translation>Открыть файл конфигурации запуска</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>Отменить &amp;изменения</translation>
    </message>
    <message>
        <source>Discard the changes and reload the file from disk</source>
        <translation>Отменить изменения и заново загрузить файл с диска</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Не удаётся записать %1: %2.</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>Отправить…</translation>
    </message>
    <message>
        <source>Save the file and submit its project as a run (Ctrl+Return)</source>
        <translation>Сохранить файл и отправить проект на выполнение (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Choose Script</source>
        <translation>Выбор скрипта</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Скрипты Python (*.py);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose Conda Environment File</source>
        <translation>Выбор файла среды conda</translation>
    </message>
    <message>
        <source>Conda environment files (*.yml *.yaml);;All files (*)</source>
        <translation>Файлы среды conda (*.yml *.yaml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>No project folder</source>
        <translation>Нет папки проекта</translation>
    </message>
    <message>
        <source>Save the run configuration in a project folder (or open one) to check the files it names.</source>
        <translation>Сохраните конфигурацию запуска в папке проекта (или откройте конфигурацию из папки проекта), чтобы проверить указанные в ней файлы.</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Проект: %1</translation>
    </message>
    <message>
        <source>The script and the conda file are relative to this folder.</source>
        <translation>Пути к скрипту и файлу conda указываются относительно этой папки.</translation>
    </message>
    <message>
        <source>Cannot Open Run Configuration</source>
        <translation>Не удаётся открыть конфигурацию запуска</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Открыт файл %1.</translation>
    </message>
    <message>
        <source>Outside the Project Folder</source>
        <translation>Файл вне папки проекта</translation>
    </message>
    <message>
        <source>“%1” is not inside the project folder %2. A run sees only the project folder&apos;s files: copy the file there first.</source>
        <translation>«%1» находится вне папки проекта %2. Запуску доступны только файлы из папки проекта: сначала скопируйте файл туда.</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>Проблем не обнаружено</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Status bar summary: &quot;2 errors, 1 warning&quot;</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Save Run Configuration</source>
        <translation>Сохранение конфигурации запуска</translation>
    </message>
    <message>
        <source>The text has errors, so it cannot be read as a run configuration. Save it as it is anyway?</source>
        <translation>Текст содержит ошибки и не может быть прочитан как конфигурация запуска. Всё равно сохранить его как есть?</translation>
    </message>
    <message>
        <source>Cannot Save Run Configuration</source>
        <translation>Не удаётся сохранить конфигурацию запуска</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Файл %1 сохранён.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без имени</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing it?</source>
        <translation>Сохранить изменения в «%1» перед закрытием?</translation>
    </message>
    <message>
        <source>Open Run Configuration</source>
        <translation>Открыть конфигурацию запуска</translation>
    </message>
    <message>
        <source>Revert Run Configuration</source>
        <translation>Отмена изменений конфигурации запуска</translation>
    </message>
    <message>
        <source>Discard your changes and reload “%1” from disk?</source>
        <translation>Отменить изменения и заново загрузить «%1» с диска?</translation>
    </message>
    <message>
        <source>%1[*] — Run Configuration</source>
        <translation>%1[*] — Конфигурация запуска</translation>
    </message>
    <message>
        <source>Run configurations (*.runconfig *.yml *.yaml *.json)</source>
        <translation>Конфигурации запуска (*.runconfig *.yml *.yaml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunConfigurationFile</name>
    <message>
        <source>a list</source>
        <translation>список</translation>
    </message>
    <message>
        <source>a map</source>
        <translation>словарь</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>пустое значение</translation>
    </message>
    <message>
        <source>“%1” must be a single value, not %2.</source>
        <translation>«%1»: ожидается простое значение, а не %2.</translation>
    </message>
    <message>
        <source>“%1” must be true or false, not “%2”.</source>
        <translation>Значение «%1» должно быть true или false, а не «%2».</translation>
    </message>
    <message>
        <source>“%1” must be %2, not “%3”.</source>
        <translation>«%1»: ожидается %2, а не «%3».</translation>
    </message>
    <message>
        <source>“%1” must be a list, not “%2”.</source>
        <translation>Значение «%1» должно быть списком, а не «%2».</translation>
    </message>
    <message>
        <source>Every item of “%1” must be a single value.</source>
        <translation>Каждый элемент «%1» должен быть простым значением.</translation>
    </message>
    <message>
        <source>“%1” must be a map of names to values, not “%2”.</source>
        <translation>Значение «%1» должно быть словарём вида «имя: значение», а не «%2».</translation>
    </message>
    <message>
        <source>The value of “%1” in “%2” must be a single value.</source>
        <translation>Значение «%1» в «%2» должно быть простым значением.</translation>
    </message>
    <message>
        <source>“%1” must be a map of settings, not “%2”.</source>
        <translation>Значение «%1» должно быть словарём параметров, а не «%2».</translation>
    </message>
    <message>
        <source>Unknown %1 “%2”: use one of %3.</source>
        <translation>Неизвестное значение %1 «%2»: используйте одно из следующих: %3.</translation>
    </message>
    <message>
        <source>Argument %1 must be a single value (a string or a number).</source>
        <translation>Аргумент %1 должен быть простым значением (строкой или числом).</translation>
    </message>
    <message>
        <source>“arguments” must be a list, for example [--epochs, 10].</source>
        <translation>Значение «arguments» должно быть списком, например [--epochs, 10].</translation>
    </message>
    <message>
        <source>a whole number of seconds, or empty for no limit</source>
        <translation>целое число секунд или пустое значение (без ограничения)</translation>
    </message>
    <message>
        <source>a whole number of nodes</source>
        <translation>целое число узлов</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>целое число</translation>
    </message>
    <message>
        <source>a whole number of processes</source>
        <translation>целое число процессов</translation>
    </message>
    <message>
        <source>The data reference “%1” must be a map of settings.</source>
        <translation>Ссылка на данные «%1» должна быть словарём параметров.</translation>
    </message>
    <message>
        <source>The file is empty: a run configuration needs at least “script” and “environment”.</source>
        <translation>Файл пуст: в конфигурации запуска должны быть как минимум «script» и «environment».</translation>
    </message>
    <message>
        <source>A run configuration must be a map of keys such as “script:” and “environment:”, not %1.</source>
        <translation>Конфигурация запуска должна представлять собой словарь ключей, например «script:» и «environment:», а не %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Не удаётся записать %1: %2.</translation>
    </message>
    <message>
        <source>“%1” is the same key as “%2” (keys match in any case); only “%2” counts.</source>
        <translation>«%1» — тот же ключ, что и «%2» (регистр в ключах не учитывается); учитывается только «%2».</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunConfigurationValidator</name>
    <message>
        <source>The %1 “%2” does not exist in %3.</source>
        <translation>В %3 не найден %1 «%2».</translation>
    </message>
    <message>
        <source>The %1 “%2” is not a file.</source>
        <translation>Указанный %1 «%2» не является файлом.</translation>
    </message>
    <message>
        <source>There is no “script” key: add “script: train.py”, or leave it empty in a template and name the script when you submit.</source>
        <translation>Нет ключа «script»: добавьте «script: train.py» или оставьте значение пустым в шаблоне и укажите скрипт при отправке.</translation>
    </message>
    <message>
        <source>The “environment” section is missing; at least “environment: python: interpreterPath: python3” with “userManagedDependencies: true” is needed.</source>
        <translation>Отсутствует раздел «environment»; требуется как минимум «environment: python: interpreterPath: python3» с «userManagedDependencies: true».</translation>
    </message>
    <message>
        <source>The communicator Mpi needs an “mpi” section (for example “mpi: processCountPerNode: 1”).</source>
        <translation>Для коммуникатора Mpi нужен раздел «mpi» (например, «mpi: processCountPerNode: 1»).</translation>
    </message>
    <message>
        <source>The framework PySpark needs a “spark” section.</source>
        <translation>Для фреймворка PySpark нужен раздел «spark».</translation>
    </message>
    <message>
        <source>TensorFlow with the ParameterServer communicator needs a “tensorflow” section (workerCount, parameterServerCount).</source>
        <translation>Для TensorFlow с коммуникатором ParameterServer нужен раздел «tensorflow» (workerCount, parameterServerCount).</translation>
    </message>
    <message>
        <source>With “userManagedDependencies: true” an “interpreterPath” is needed (for example python3).</source>
        <translation>При «userManagedDependencies: true» нужно указать «interpreterPath» (например, python3).</translation>
    </message>
    <message>
        <source>With “userManagedDependencies: false” (the default) the environment is built with conda: name a “condaDependenciesFile”, give “condaDependencies”, or set “userManagedDependencies: true” with an “interpreterPath”.</source>
        <translation>При «userManagedDependencies: false» (по умолчанию) среда создаётся с помощью conda: укажите «condaDependenciesFile», задайте «condaDependencies» или установите «userManagedDependencies: true» вместе с «interpreterPath».</translation>
    </message>
    <message>
        <source>conda dependencies file</source>
        <translation>файл зависимостей conda</translation>
    </message>
    <message>
        <source>“%1” is not a valid environment variable name: use letters, digits and underscores, not starting with a digit.</source>
        <translation>«%1» — недопустимое имя переменной среды: используйте буквы, цифры и символы подчёркивания; имя не может начинаться с цифры.</translation>
    </message>
    <message>
        <source>“nodeCount” must be at least 1, not %1.</source>
        <translation>Значение «nodeCount» должно быть не меньше 1 (указано %1).</translation>
    </message>
    <message>
        <source>“maxRunDurationSeconds” must be a positive number of seconds (or empty for no limit), not %1.</source>
        <translation>Значение «maxRunDurationSeconds» должно быть положительным числом секунд (или пустым, если ограничения нет); указано %1.</translation>
    </message>
    <message>
        <source>“processCountPerNode” must be at least 1.</source>
        <translation>Значение «processCountPerNode» должно быть не меньше 1.</translation>
    </message>
    <message>
        <source>“workerCount” cannot be negative.</source>
        <translation>Значение «workerCount» не может быть отрицательным.</translation>
    </message>
    <message>
        <source>“parameterServerCount” cannot be negative.</source>
        <translation>Значение «parameterServerCount» не может быть отрицательным.</translation>
    </message>
    <message>
        <source>“yarnDeployMode” must be cluster or client.</source>
        <translation>Значение «yarnDeployMode» должно быть cluster или client.</translation>
    </message>
    <message>
        <source>The data reference mode must be mount, download or upload, not “%1”.</source>
        <translation>Режим ссылки на данные должен быть mount, download или upload, а не «%1».</translation>
    </message>
    <message>
        <source>“vmPriority” must be dedicated or lowpriority.</source>
        <translation>Значение «vmPriority» должно быть dedicated или lowpriority.</translation>
    </message>
    <message>
        <source>“clusterMaxNodeCount” must be at least 1.</source>
        <translation>Значение «clusterMaxNodeCount» должно быть не меньше 1.</translation>
    </message>
    <message>
        <source>The target “%1” cannot be checked outside a workspace.</source>
        <translation>Вычислительный ресурс «%1» нельзя проверить вне рабочей области.</translation>
    </message>
    <message>
        <source>There is no compute target “%1” in this workspace (it has: %2); attach it first, or add an “amlCompute” section to create a cluster for this run.</source>
        <translation>В этой рабочей области нет вычислительного ресурса «%1» (доступны: %2); сначала подключите его или добавьте раздел «amlCompute», чтобы создать кластер для этого запуска.</translation>
    </message>
    <message numerus="yes">
        <source>“nodeCount” is %1, but the target “%2” has at most %n node(s).</source>
        <translation>
            <numerusform>Значение «nodeCount» равно %1, но у ресурса «%2» не более %n узла.</numerusform>
            <numerusform>Значение «nodeCount» равно %1, но у ресурса «%2» не более %n узлов.</numerusform>
            <numerusform>Значение «nodeCount» равно %1, но у ресурса «%2» не более %n узлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>“nodeCount” is %1, above the cluster&apos;s “clusterMaxNodeCount” of %2.</source>
        <translation>Значение «nodeCount» (%1) превышает «clusterMaxNodeCount» кластера (%2).</translation>
    </message>
    <message>
        <source>script</source>
        <translation>скрипт</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunDetailWidget</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Отменить запуск</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Запуск не выбран</translation>
    </message>
    <message>
        <source>Choose a run in the Runs or Experiments page to see its status, metrics, logs and outputs.</source>
        <translation>Выберите запуск на странице «Запуски» или «Эксперименты», чтобы просмотреть его состояние, метрики, журналы и выходные файлы.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Метрики</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Журналы</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Снимок</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Выходные файлы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Compute target</source>
        <translation>Вычислительный ресурс</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Эксперимент</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начат</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Спустя</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>No run configuration was recorded.</source>
        <translation>Конфигурация запуска не была сохранена.</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>История состояний</translation>
    </message>
    <message>
        <source>Run configuration as submitted</source>
        <translation>Конфигурация запуска на момент отправки</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Метрика</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Значения</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Последнее</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Минимум</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Максимум</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Values that are not charted: tags, lists, rows, tables and text</source>
        <translation>Значения, не отображаемые на графиках: теги, списки, строки, таблицы и текст</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Other values</source>
        <translation>Прочие значения</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Путь</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>From start to end</source>
        <translation>От начала до конца</translation>
    </message>
    <message>
        <source>Since the run started</source>
        <translation>С момента начала запуска</translation>
    </message>
    <message>
        <source>No run is shown.</source>
        <translation>Запуск не выбран.</translation>
    </message>
    <message>
        <source>Cancel was requested; the run stops shortly.</source>
        <translation>Запрошена отмена; запуск скоро остановится.</translation>
    </message>
    <message>
        <source>The run has not been launched yet.</source>
        <translation>Запуск ещё не начат.</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Stop the script: SIGTERM first, SIGKILL if it is still running after 10 seconds</source>
        <translation>Остановить скрипт: сначала SIGTERM, затем SIGKILL, если через 10 секунд он всё ещё выполняется</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>ID запуска</translation>
    </message>
    <message>
        <source>Parent run</source>
        <translation>Родительский запуск</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Окончен</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Код завершения</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Скрипт</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументы</translation>
    </message>
    <message>
        <source>Source folder</source>
        <translation>Папка исходного кода</translation>
    </message>
    <message>
        <source>Run configuration file</source>
        <translation>Файл конфигурации запуска</translation>
    </message>
    <message>
        <source>Git repository</source>
        <translation>Репозиторий Git</translation>
    </message>
    <message>
        <source>Git branch</source>
        <translation>Ветвь Git</translation>
    </message>
    <message>
        <source>Git commit</source>
        <translation>Коммит Git</translation>
    </message>
    <message>
        <source>Git working tree</source>
        <translation>Рабочее дерево Git</translation>
    </message>
    <message>
        <source>Uncommitted changes</source>
        <translation>Есть незафиксированные изменения</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <source>Not a git repository</source>
        <translation>Не является репозиторием Git</translation>
    </message>
    <message>
        <source>Snapshot files</source>
        <translation>Файлы снимка</translation>
    </message>
    <message>
        <source>Snapshot size</source>
        <translation>Размер снимка</translation>
    </message>
    <message>
        <source>Snapshot content stored new</source>
        <translation>Новые данные, сохранённые для снимка</translation>
    </message>
    <message>
        <source>Skipped from snapshot</source>
        <translation>Исключено из снимка</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Папка запуска</translation>
    </message>
    <message>
        <source>Job handle</source>
        <translation>Идентификатор задания</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Вывод</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Лог.</translation>
    </message>
    <message>
        <source>Double-click to open</source>
        <translation>Дважды щёлкните, чтобы открыть</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) collected from outputs/ and logs/.</source>
        <translation>
            <numerusform>Из outputs/ и logs/ собран %n файл.</numerusform>
            <numerusform>Из outputs/ и logs/ собрано %n файла.</numerusform>
            <numerusform>Из outputs/ и logs/ собрано %n файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run left no files in outputs/ or logs/.</source>
        <translation>Запуск не оставил файлов в outputs/ и logs/.</translation>
    </message>
    <message>
        <source>Files the script writes to outputs/ and logs/ are collected here when the run ends.</source>
        <translation>Файлы, которые скрипт записывает в outputs/ и logs/, собираются здесь по завершении запуска.</translation>
    </message>
    <message>
        <source>The script wrote nothing to its output.</source>
        <translation>Скрипт ничего не вывел.</translation>
    </message>
    <message>
        <source>The log has grown to %1; this tab keeps its last %2. The whole log is %3</source>
        <translation>Размер журнала достиг %1; на этой вкладке показаны последние %2. Полный журнал: %3</translation>
    </message>
    <message>
        <source>Cancel the run %1?</source>
        <translation>Отменить запуск %1?</translation>
    </message>
    <message>
        <source>The script is asked to stop (SIGTERM) and is killed if it is still running 10 seconds later. Metrics and outputs written so far are kept.</source>
        <translation>Скрипту будет отправлен запрос на остановку (SIGTERM); если через 10 секунд он всё ещё выполняется, он будет принудительно завершён. Уже записанные метрики и выходные файлы сохранятся.</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Не отменять</translation>
    </message>
    <message>
        <source>Canceling %1 failed: %2</source>
        <translation>Не удалось отменить %1: %2</translation>
    </message>
    <message>
        <source>There is no outputs folder for %1 yet.</source>
        <translation>Папки выходных файлов для %1 пока нет.</translation>
    </message>
    <message>
        <source>The compute target %1 is no longer in this workspace: cancel the run on its host.</source>
        <translation>Вычислительного ресурса %1 больше нет в этой рабочей области: отмените запуск на самом хосте.</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunListPanel</name>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Состояние:</translation>
    </message>
    <message>
        <source>Show runs with this status only</source>
        <translation>Показывать только запуски в этом состоянии</translation>
    </message>
    <message>
        <source>Filter by run, experiment, status or target</source>
        <translation>Фильтр по запуску, эксперименту, состоянию или ресурсу</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>Open Run</source>
        <translation>Открыть запуск</translation>
    </message>
    <message>
        <source>Show the run&apos;s details (double-click or Enter)</source>
        <translation>Показать сведения о запуске (двойной щелчок или Enter)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <source>Chart the metrics of the selected runs together (select two or more)</source>
        <translation>Построить общий график метрик выбранных запусков (выберите два или более)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все состояния</translation>
    </message>
    <message>
        <source>Active (not finished)</source>
        <translation>Активные (не завершённые)</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunModel</name>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>∞</source>
        <translation>∞</translation>
    </message>
    <message>
        <source>−∞</source>
        <translation>−∞</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>Child of %1</source>
        <translation>Дочерний запуск %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>С %1 по %2</translation>
    </message>
    <message>
        <source>Still going: the duration grows until the run ends.</source>
        <translation>Ещё выполняется: длительность растёт до завершения запуска.</translation>
    </message>
    <message numerus="yes">
        <source>%1: last %2 of %n value(s); minimum %3, maximum %4</source>
        <extracomment>%1 metric name, %2 its last value, %n how many values were logged, %3 minimum, %4 maximum</extracomment>
        <translation>
            <numerusform>%1: последнее значение %2, всего %n значение; минимум %3, максимум %4</numerusform>
            <numerusform>%1: последнее значение %2, всего %n значения; минимум %3, максимум %4</numerusform>
            <numerusform>%1: последнее значение %2, всего %n значений; минимум %3, максимум %4</numerusform>
        </translation>
    </message>
    <message>
        <source>The last value of the metric “%1”</source>
        <translation>Последнее значение метрики «%1»</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Эксперимент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Вычислительный ресурс</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunMonitor</name>
    <message>
        <source>exceeded maxRunDurationSeconds</source>
        <translation>превышено значение maxRunDurationSeconds</translation>
    </message>
    <message>
        <source>killed by signal %1 (exit code %2)</source>
        <translation>завершён сигналом %1 (код выхода %2)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>код выхода %1</translation>
    </message>
    <message>
        <source>process vanished</source>
        <translation>процесс исчез</translation>
    </message>
    <message>
        <source>the launcher did not start (see %1)</source>
        <translation>не удалось запустить программу запуска (см. %1)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Не удаётся записать %1: %2.</translation>
    </message>
    <message>
        <source>Runs on compute target %1 cannot be followed by this program.</source>
        <translation>Эта программа не может отслеживать запуски на вычислительном ресурсе %1.</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunStatusInfo</name>
    <message>
        <source>Not started</source>
        <translation>Не начат</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Подготовка</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Finalizing</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>Запрошена отмена</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Not responding</source>
        <translation>Не отвечает</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunStore</name>
    <message>
        <source>An experiment needs a name.</source>
        <translation>Укажите имя эксперимента.</translation>
    </message>
    <message>
        <source>The experiment name “%1” may contain only letters, digits, “_” and “-”, must start with a letter or digit, and have at most 255 characters.</source>
        <translation>Имя эксперимента «%1» может содержать только буквы, цифры, «_» и «-», должно начинаться с буквы или цифры и быть не длиннее 255 символов.</translation>
    </message>
    <message>
        <source>There is no run “%1” in this workspace.</source>
        <translation>В этой рабочей области нет запуска «%1».</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunSubmitter</name>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Не удаётся записать %1: %2.</translation>
    </message>
    <message>
        <source>The project folder %1 does not exist.</source>
        <translation>Папка проекта %1 не существует.</translation>
    </message>
    <message>
        <source>The run configuration has errors:
%1</source>
        <translation>В конфигурации запуска есть ошибки:
%1</translation>
    </message>
    <message>
        <source>No script to run: name one in the run configuration (script: train.py) or on the command line.</source>
        <translation>Не указан скрипт для запуска: задайте его в конфигурации запуска (script: train.py) или в командной строке.</translation>
    </message>
    <message>
        <source>The run folder %1 exists already; remove it or use another workspace.</source>
        <translation>Папка запуска %1 уже существует; удалите её или используйте другую рабочую область.</translation>
    </message>
    <message>
        <source>The trainyard.py helper is missing from this build.</source>
        <translation>В этой сборке отсутствует вспомогательный модуль trainyard.py.</translation>
    </message>
    <message>
        <source>userManagedDependencies is false, so the environment is built with conda, but neither conda nor mamba is on PATH. Install Miniforge (conda), or set userManagedDependencies: true and interpreterPath to a Python that has your packages.</source>
        <translation>Параметр userManagedDependencies имеет значение false, поэтому окружение создаётся с помощью conda, но ни conda, ни mamba не найдены в PATH. Установите Miniforge (conda) или задайте userManagedDependencies: true и укажите в interpreterPath интерпретатор Python, в котором установлены нужные пакеты.</translation>
    </message>
    <message>
        <source>Inline condaDependencies are not supported yet; put them in a conda file and name it in condaDependenciesFile.</source>
        <translation>Встроенные condaDependencies пока не поддерживаются; вынесите зависимости в файл conda и укажите его в condaDependenciesFile.</translation>
    </message>
    <message>
        <source>The run could not be started on the host: %1</source>
        <translation>Не удалось начать запуск на хосте: %1</translation>
    </message>
    <message>
        <source>Slurm did not release job %1: %2</source>
        <translation>Slurm не снял задержку с задания %1: %2</translation>
    </message>
    <message>
        <source>amlcompute.vmSize “%1” is not a VM family of this cluster (it offers: %2).</source>
        <translation>amlcompute.vmSize «%1» — не семейство ВМ этого кластера (есть: %2).</translation>
    </message>
</context>
<context>
    <name>Trainyard::RunsPage</name>
    <message>
        <source>Back to all runs (Alt+Left)</source>
        <translation>Назад ко всем запускам (Alt+Left)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>Every run of every experiment, newest first, with its last metric values. Open a run to follow it; select two or more to compare them.</source>
        <translation>Все запуски всех экспериментов, сначала новые, с последними значениями метрик. Откройте запуск, чтобы следить за ним; выберите два или более, чтобы сравнить их.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the runs again</source>
        <translation>Перечитать запуски</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Запусков пока нет</translation>
    </message>
    <message>
        <source>Open the sample project and press Submit (Run ▸ Submit…, Ctrl+Return). Every run of every experiment appears here, filterable by status, and follows its run live.</source>
        <translation>Откройте пример проекта и нажмите «Отправить» (Запуск ▸ Отправить…, Ctrl+Return). Здесь появляются все запуски всех экспериментов с фильтром по состоянию, а ход каждого запуска отображается в реальном времени.</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s) — Trainyard</source>
        <translation>
            <numerusform>Сравнение: %n запуск — Trainyard</numerusform>
            <numerusform>Сравнение: %n запуска — Trainyard</numerusform>
            <numerusform>Сравнение: %n запусков — Trainyard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::SecretPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>Пароль для %1</translation>
    </message>
    <message>
        <source>Passphrase for %1</source>
        <translation>Парольная фраза для %1</translation>
    </message>
    <message>
        <source>Trainyard needs the password of %1 to reach the compute target “%2”.</source>
        <translation>Чтобы подключиться к вычислительному ресурсу «%2», Trainyard нужен пароль %1.</translation>
    </message>
    <message>
        <source>Trainyard needs the passphrase of the key %1 to reach the compute target “%2”.</source>
        <translation>Чтобы подключиться к вычислительному ресурсу «%2», Trainyard нужна парольная фраза ключа %1.</translation>
    </message>
    <message>
        <source>It will be kept in your keychain.</source>
        <translation>Он будет сохранён в системной связке ключей.</translation>
    </message>
    <message>
        <source>There is no keychain to keep it in, so it is kept only until you quit the studio.</source>
        <translation>Связки ключей нет, поэтому он будет храниться только в памяти до выхода из студии.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
</context>
<context>
    <name>Trainyard::SlurmClient</name>
    <message>
        <source>The command %1 is not available on %2 (is it on the PATH of a non-interactive shell there?): %3</source>
        <translation>Команда %1 недоступна на %2 (указан ли путь к ней в PATH неинтерактивной оболочки?): %3</translation>
    </message>
    <message>
        <source>%1 failed with exit status %2 on %3.</source>
        <translation>Команда %1 на %3 завершилась с кодом %2.</translation>
    </message>
    <message>
        <source>sinfo --version printed no version: %1</source>
        <translation>Команда sinfo --version не вывела номер версии: %1</translation>
    </message>
    <message>
        <source>id -u printed no user id: %1</source>
        <translation>Команда id -u не вывела идентификатор пользователя: %1</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Имя не задано.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may contain only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>«%1»: допустимы только буквы, цифры, «-» и «_».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved by Slurm.</source>
        <translation>«%1» — зарезервированное имя Slurm.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a node name: letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, starting with a letter or digit.</source>
        <translation>«%1» не является именем узла: допустимы буквы, цифры, «.», «-» и «_», первый символ — буква или цифра.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Slurm job id.</source>
        <translation>«%1» не является идентификатором задания Slurm.</translation>
    </message>
    <message>
        <source>Partition name: %1</source>
        <translation>Имя раздела: %1</translation>
    </message>
    <message>
        <source>A new partition needs at least one node.</source>
        <translation>Для нового раздела нужен хотя бы один узел.</translation>
    </message>
    <message>
        <source>A new partition needs its maximum number of nodes.</source>
        <translation>Для нового раздела нужно указать максимальное число узлов.</translation>
    </message>
    <message>
        <source>A partition needs at least one node.</source>
        <translation>В разделе должен быть хотя бы один узел.</translation>
    </message>
    <message>
        <source>The maximum number of nodes must be at least 1 (or unlimited).</source>
        <translation>Максимальное число узлов должно быть не меньше 1 (или не ограничено).</translation>
    </message>
    <message>
        <source>The maximum run time must be positive (or unlimited).</source>
        <translation>Максимальное время выполнения должно быть больше нуля (или не ограничено).</translation>
    </message>
    <message>
        <source>The priority tier must be between 0 and 65533.</source>
        <translation>Уровень приоритета должен быть в диапазоне от 0 до 65533.</translation>
    </message>
    <message>
        <source>QOS: %1</source>
        <translation>QOS: %1</translation>
    </message>
    <message>
        <source>Nothing to change in partition %1.</source>
        <translation>В разделе %1 нечего изменять.</translation>
    </message>
    <message>
        <source>sbatch printed no job id: %1</source>
        <translation>Команда sbatch не вывела идентификатор задания: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user name.</source>
        <translation>«%1» не является именем пользователя.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SlurmCluster</name>
    <message>
        <source>A compute target named “%1” already exists.</source>
        <translation>Вычислительный ресурс с именем «%1» уже существует.</translation>
    </message>
    <message>
        <source>Partition: %1</source>
        <translation>Раздел: %1</translation>
    </message>
    <message>
        <source>Slurm on %1 has no partition “%2” (it has: %3).</source>
        <translation>В Slurm на %1 нет раздела «%2» (есть: %3).</translation>
    </message>
    <message>
        <source>The maximum number of nodes must be at least 1.</source>
        <translation>Наибольшее число узлов должно быть не меньше 1.</translation>
    </message>
    <message>
        <source>The minimum number of nodes must be between 0 and the maximum (%1).</source>
        <translation>Наименьшее число узлов должно быть от 0 до наибольшего (%1).</translation>
    </message>
    <message>
        <source>The cluster offers no VM family “%1” (it offers: %2).</source>
        <translation>В кластере нет семейства ВМ «%1» (есть: %2).</translation>
    </message>
    <message>
        <source>%1 — creating a partition needs Slurm operator rights; attach an existing partition instead.</source>
        <translation>%1 — для создания раздела нужны права оператора Slurm; подключите существующий раздел.</translation>
    </message>
    <message>
        <source>%1 is not a compute cluster.</source>
        <translation>%1 — не вычислительный кластер.</translation>
    </message>
    <message>
        <source>The partition %1 no longer exists.</source>
        <translation>Раздела %1 больше нет.</translation>
    </message>
    <message>
        <source>Run %1 on %2 is still active: cancel it or wait until it ends.</source>
        <translation>Запуск %1 на %2 ещё выполняется: отмените его или дождитесь завершения.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SlurmRunHost</name>
    <message>
        <source>Slurm job %1 ended %2</source>
        <translation>Задание Slurm %1 завершилось с состоянием %2</translation>
    </message>
    <message>
        <source>The partition %1 made for this run could not be removed: %2</source>
        <translation>Не удалось удалить раздел %1, созданный для этого запуска: %2</translation>
    </message>
</context>
<context>
    <name>Trainyard::SnapshotBrowser</name>
    <message>
        <source>Select a file to see its content as it was submitted.</source>
        <translation>Выберите файл, чтобы увидеть его содержимое на момент отправки.</translation>
    </message>
    <message>
        <source>This run has no snapshot yet.</source>
        <translation>У этого запуска пока нет снимка.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 · snapshot %2</source>
        <translation>
            <numerusform>%n файл, %1 · снимок %2</numerusform>
            <numerusform>%n файла, %1 · снимок %2</numerusform>
            <numerusform>%n файлов, %1 · снимок %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation>Снимок %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>The content of this file is missing from the workspace: %1</source>
        <translation>Содержимое этого файла отсутствует в рабочей области: %1</translation>
    </message>
    <message>
        <source>Binary file, %1 bytes</source>
        <translation>Двоичный файл, %1 байт</translation>
    </message>
    <message>
        <source>%1 · %2 (showing the first %3)</source>
        <translation>%1 · %2 (показаны первые %3)</translation>
    </message>
</context>
<context>
    <name>Trainyard::SnapshotStore</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Не удаётся прочитать %1: %2.</translation>
    </message>
    <message>
        <source>Cannot store a copy of %1: %2.</source>
        <translation>Не удаётся сохранить копию %1: %2.</translation>
    </message>
    <message>
        <source>The source folder %1 does not exist.</source>
        <translation>Исходная папка %1 не существует.</translation>
    </message>
    <message>
        <source>%1: a symbolic link to %2, outside the project folder; not followed.</source>
        <translation>%1: символическая ссылка на %2 за пределами папки проекта; не отслеживается.</translation>
    </message>
    <message>
        <source>%1: a symbolic link to a folder; not followed.</source>
        <translation>%1: символическая ссылка на папку; не отслеживается.</translation>
    </message>
    <message>
        <source>%1: not a regular file; skipped.</source>
        <translation>%1: не является обычным файлом; пропущен.</translation>
    </message>
    <message>
        <source>%1: cannot be read; skipped.</source>
        <translation>%1: не удаётся прочитать; пропущен.</translation>
    </message>
    <message>
        <source>Exclude files with an .amlignore or .gitignore file. Largest files: %1.</source>
        <translation>Исключите лишние файлы с помощью файла .amlignore или .gitignore. Самые большие файлы: %1.</translation>
    </message>
    <message>
        <source>The project folder has %1 files; a snapshot may hold at most %2. %3</source>
        <translation>Число файлов в папке проекта: %1; снимок может содержать не более %2. %3</translation>
    </message>
    <message>
        <source>The project folder holds %1; a snapshot may hold at most %2. %3</source>
        <translation>Объём папки проекта: %1; снимок может занимать не более %2. %3</translation>
    </message>
    <message>
        <source>Cannot write to the blob store %1: %2.</source>
        <translation>Не удаётся выполнить запись в хранилище BLOB-объектов %1: %2.</translation>
    </message>
    <message>
        <source>Cannot store %1 in the blob store: %2.</source>
        <translation>Не удаётся сохранить %1 в хранилище BLOB-объектов: %2.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Не удаётся создать папку %1.</translation>
    </message>
    <message>
        <source>The snapshot holds an unsafe path: %1</source>
        <translation>Снимок содержит небезопасный путь: %1</translation>
    </message>
    <message>
        <source>Cannot write %1 from the snapshot (is the blob store complete?).</source>
        <translation>Не удаётся записать %1 из снимка (хранилище BLOB-объектов не повреждено?).</translation>
    </message>
    <message>
        <source>%1: the name of the run folder&apos;s control folder, which Trainyard writes; skipped.</source>
        <translation>%1: так называется служебная папка, которую Trainyard ведёт в папке каждого запуска; пропущено.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SnapshotTreeModel</name>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n файл, %1</numerusform>
            <numerusform>%n файла, %1</numerusform>
            <numerusform>%n файлов, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n file(s), %2 bytes</source>
        <translation>
            <numerusform>%1
%n файл, %2 байт</numerusform>
            <numerusform>%1
%n файла, %2 байт</numerusform>
            <numerusform>%1
%n файлов, %2 байт</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2 bytes
SHA-256 %3</source>
        <translation>%1
%2 байт
SHA-256 %3</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Исполняемый</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
</context>
<context>
    <name>Trainyard::SnapshotUploader</name>
    <message>
        <source>The snapshot holds an invalid content address (%1).</source>
        <translation>Снимок содержит недопустимый адрес содержимого (%1).</translation>
    </message>
    <message>
        <source>Cannot use the content cache %1 on the host: %2</source>
        <translation>Не удаётся использовать кэш содержимого %1 на хосте: %2</translation>
    </message>
    <message>
        <source>Cannot start the upload stream: %1</source>
        <translation>Не удаётся начать поток отправки: %1</translation>
    </message>
    <message>
        <source>The upload was interrupted: %1</source>
        <translation>Отправка прервана: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Не удаётся прочитать %1: %2.</translation>
    </message>
    <message>
        <source>The stored content %1 has changed size; take the snapshot again.</source>
        <translation>Размер сохранённого содержимого %1 изменился; создайте снимок заново.</translation>
    </message>
    <message>
        <source>The host could not unpack the upload (exit status %1): %2</source>
        <translation>Хосту не удалось распаковать отправленные данные (код завершения %1): %2</translation>
    </message>
    <message>
        <source>Cannot create the run folder %1 on the host: %2</source>
        <translation>Не удаётся создать папку запуска %1 на хосте: %2</translation>
    </message>
</context>
<context>
    <name>Trainyard::SqlTransaction</name>
    <message>
        <source>The workspace database could not start a transaction: %1</source>
        <translation>База данных рабочей области не смогла начать транзакцию: %1</translation>
    </message>
    <message>
        <source>The workspace database could not save a transaction: %1</source>
        <translation>База данных рабочей области не смогла сохранить транзакцию: %1</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshCommandRunner</name>
    <message>
        <source>No command to run.</source>
        <translation>Не указана команда для выполнения.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid environment variable name.</source>
        <translation>«%1» — недопустимое имя переменной окружения.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshConnection</name>
    <message>
        <source>Reconnecting to %1 was cancelled.</source>
        <translation>Повторное подключение к %1 отменено.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshConnectionForm</name>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>имя хоста или IP-адрес</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Имя по&amp;льзователя:</translation>
    </message>
    <message>
        <source>&amp;Runs folder:</source>
        <translation>&amp;Папка запусков:</translation>
    </message>
    <message>
        <source>Slurm &amp;environment:</source>
        <translation>Пере&amp;менные Slurm:</translation>
    </message>
    <message>
        <source>optional, e.g. SLURM_CONF=/etc/slurm/slurm.conf</source>
        <translation>необязательно, например SLURM_CONF=/etc/slurm/slurm.conf</translation>
    </message>
    <message>
        <source>One NAME=VALUE a line, for variables the Slurm commands need on the login node beyond its login environment.</source>
        <translation>По одной строке ИМЯ=ЗНАЧЕНИЕ для переменных, которые нужны командам Slurm на узле входа помимо окружения входа.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Аутентификация</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation>Файл закрытого &amp;ключа:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>О&amp;бзор…</translation>
    </message>
    <message>
        <source>Key pa&amp;ssphrase:</source>
        <translation>Парольная &amp;фраза ключа:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source>SSH &amp;agent</source>
        <translation>&amp;Агент SSH</translation>
    </message>
    <message>
        <source>Passwords and passphrases are kept in the desktop keychain, never in the workspace.</source>
        <translation>Пароли и парольные фразы хранятся в системной связке ключей и никогда — в рабочей области.</translation>
    </message>
    <message>
        <source>No SSH agent is running here (SSH_AUTH_SOCK is not set).</source>
        <translation>Агент SSH на этом компьютере не запущен (переменная SSH_AUTH_SOCK не задана).</translation>
    </message>
    <message>
        <source>Signs in with the keys loaded in the agent at %1.</source>
        <translation>Вход выполняется с ключами, загруженными в агент (%1).</translation>
    </message>
    <message>
        <source>A folder on the login node that the compute nodes share (a shared file system); “~” is your home folder there. It is created when missing.</source>
        <translation>Папка на узле входа, общая с вычислительными узлами (общая файловая система); «~» — ваша домашняя папка на нём. Если папки нет, она будет создана.</translation>
    </message>
    <message>
        <source>A folder on the machine; “~” is your home folder there. It is created when missing.</source>
        <translation>Папка на машине; «~» — ваша домашняя папка на ней. Если папки нет, она будет создана.</translation>
    </message>
    <message>
        <source>Passwords and passphrases are kept in the desktop keychain, never in the workspace. %1 Until Trainyard quits they are kept in its memory only; then they will be asked for again.</source>
        <extracomment>%1 says why there is no keychain, as a sentence</extracomment>
        <translation>Пароли и парольные фразы хранятся в системной связке ключей и никогда — в рабочей области. %1 До завершения работы Trainyard они хранятся только в его памяти, а затем их придётся ввести снова.</translation>
    </message>
    <message>
        <source>Choose the private key file.</source>
        <translation>Выберите файл закрытого ключа.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Файл %1 не существует.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Не удаётся прочитать файл %1.</translation>
    </message>
    <message>
        <source>“%1” is not NAME=VALUE with a variable name of letters, digits and “_”.</source>
        <extracomment>%1 is a line the user typed</extracomment>
        <translation>«%1» — не строка ИМЯ=ЗНАЧЕНИЕ с именем переменной из латинских букв, цифр и «_».</translation>
    </message>
    <message>
        <source>Private Key File</source>
        <translation>Файл закрытого ключа</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshHostKey</name>
    <message>
        <source>The host key type %1 is not supported.</source>
        <translation>Тип ключа хоста %1 не поддерживается.</translation>
    </message>
    <message>
        <source>The %1 host key could not be read.</source>
        <translation>Не удалось прочитать ключ хоста типа %1.</translation>
    </message>
    <message>
        <source>The fingerprint of the %1 host key could not be computed.</source>
        <translation>Не удалось вычислить отпечаток ключа хоста типа %1.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshHostKeyPage</name>
    <message>
        <source>Trusted before:</source>
        <translation>Ранее доверенный:</translation>
    </message>
    <message>
        <source>&amp;Trust this key and remember it</source>
        <translation>Доверять этому &amp;ключу и запомнить его</translation>
    </message>
    <message>
        <source>Connect &amp;once; ask again next time</source>
        <translation>Подключиться один &amp;раз; в следующий раз спросить снова</translation>
    </message>
    <message>
        <source>&amp;Replace the old key with this one</source>
        <translation>Заменить &amp;старый ключ новым</translation>
    </message>
    <message>
        <source>&amp;Do not connect</source>
        <translation>Н&amp;е подключаться</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>&amp;Повторить попытку</translation>
    </message>
    <message>
        <source>Host Key</source>
        <translation>Ключ хоста</translation>
    </message>
    <message>
        <source>Trainyard checks that the machine is the one you mean before it sends a password or uses a key.</source>
        <translation>Прежде чем отправить пароль или использовать ключ, Trainyard проверяет, что это именно та машина, которая вам нужна.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Хост:</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Тип ключа:</translation>
    </message>
    <message>
        <source>Already trusted.</source>
        <translation>Уже в списке доверенных.</translation>
    </message>
    <message>
        <source>Replaces the key trusted before.</source>
        <translation>Заменяет ранее доверенный ключ.</translation>
    </message>
    <message>
        <source>Trusted and remembered.</source>
        <translation>Добавлен в доверенные и запомнен.</translation>
    </message>
    <message>
        <source>Trusted for this connection only: runs and connection tests will not reach the machine until its key is trusted.</source>
        <translation>Доверие только для этого подключения: запуски и проверки подключения не смогут связаться с машиной, пока её ключ не станет доверенным.</translation>
    </message>
    <message>
        <source>Go Back to the connection page to correct the sign-in settings.</source>
        <translation>Нажмите «Назад», чтобы вернуться на страницу подключения и исправить параметры входа.</translation>
    </message>
    <message>
        <source>Check the address and the port (go Back), or try again.</source>
        <translation>Проверьте адрес и порт (кнопка «Назад») или повторите попытку.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <source>The host key of %1 is already trusted. Trainyard signed in.</source>
        <translation>Ключ хоста %1 уже в списке доверенных. Trainyard выполнил вход.</translation>
    </message>
    <message>
        <source>Trainyard has not connected to %1 before, so it cannot tell yet whether this is really the machine you mean. Compare the fingerprint with the one its administrator gives you (on the machine: %2).</source>
        <extracomment>%2 is a command that prints the fingerprint on the machine</extracomment>
        <translation>Trainyard ещё не подключался к %1, поэтому пока не может определить, действительно ли это нужная вам машина. Сравните отпечаток с тем, который сообщит администратор машины (на самой машине его выводит команда %2).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The host key has changed</source>
        <translation>Ключ хоста изменился</translation>
    </message>
    <message>
        <source>The host presents a key of another type</source>
        <translation>Хост предъявил ключ другого типа</translation>
    </message>
    <message>
        <source>Warning: the host key of %1 is not the one trusted before. Someone may be intercepting the connection, or the machine was reinstalled. Trainyard sent no credentials. Replace the old key only if the machine&apos;s administrator confirms the new fingerprint.</source>
        <translation>Внимание: ключ хоста %1 отличается от ранее доверенного. Возможно, соединение перехватывается или система на машине была переустановлена. Trainyard не отправил учётные данные. Заменяйте старый ключ, только если администратор машины подтвердит новый отпечаток.</translation>
    </message>
    <message>
        <source>Presented now:</source>
        <translation>Предъявленный сейчас:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Отпечаток:</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshKnownHosts</name>
    <message>
        <source>No known_hosts file is set up for Trainyard, so the host key cannot be remembered.</source>
        <translation>Для Trainyard не настроен файл known_hosts, поэтому ключ хоста невозможно запомнить.</translation>
    </message>
    <message>
        <source>The host key of %1 cannot be remembered: it is not a valid key.</source>
        <translation>Невозможно запомнить ключ хоста %1: ключ недействителен.</translation>
    </message>
    <message>
        <source>Could not create the folder for %1.</source>
        <translation>Не удалось создать папку для %1.</translation>
    </message>
    <message>
        <source>Could not lock %1: another Trainyard process keeps it busy.</source>
        <translation>Не удалось заблокировать %1: файл занят другим процессом Trainyard.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshRunHost</name>
    <message>
        <source>Unexpected answer from the host about the run&apos;s process: %1</source>
        <translation>Неожиданный ответ хоста о процессе запуска: %1</translation>
    </message>
    <message>
        <source>The host could not report on the run: %1</source>
        <translation>Не удалось получить от хоста состояние запуска: %1</translation>
    </message>
    <message>
        <source>Cannot cancel the run on the host: %1</source>
        <translation>Не удаётся отменить запуск на хосте: %1</translation>
    </message>
    <message>
        <source>The host sent a file listing Trainyard cannot read.</source>
        <translation>Хост прислал список файлов, который Trainyard не может прочитать.</translation>
    </message>
    <message>
        <source>The host listed a file outside the run folder (%1); nothing was downloaded.</source>
        <translation>Хост указал файл за пределами папки запуска (%1); ничего не загружено.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Не удаётся записать %1: %2.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Не удаётся создать папку %1.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SshSession</name>
    <message>
        <source>The SSH session of this command is gone.</source>
        <translation>Сеанс SSH этой команды больше недоступен.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Соединение с %1 разорвано.</translation>
    </message>
    <message>
        <source>The command on %1 has already finished.</source>
        <translation>Команда на хосте %1 уже завершилась.</translation>
    </message>
    <message>
        <source>Reading the output of a command on %1 failed.</source>
        <translation>Не удалось прочитать вывод команды на хосте %1.</translation>
    </message>
    <message>
        <source>The command on %1 did not take its input in time.</source>
        <translation>Команда на хосте %1 не приняла входные данные за отведённое время.</translation>
    </message>
    <message>
        <source>Sending data to %1 failed.</source>
        <translation>Не удалось отправить данные на %1.</translation>
    </message>
    <message>
        <source>“%1” is not a valid host name.</source>
        <translation>«%1» — недопустимое имя хоста.</translation>
    </message>
    <message>
        <source>The port of %1 is not set.</source>
        <translation>Не указан порт для %1.</translation>
    </message>
    <message>
        <source>Enter a user name for %1.</source>
        <translation>Введите имя пользователя для %1.</translation>
    </message>
    <message>
        <source>Could not set up an SSH session for %1.</source>
        <translation>Не удалось создать сеанс SSH для %1.</translation>
    </message>
    <message>
        <source>Could not set up an SSH session for %1: %2</source>
        <translation>Не удалось создать сеанс SSH для %1: %2</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Не удалось подключиться к %1: %2</translation>
    </message>
    <message>
        <source>%1 did not present a host key.</source>
        <translation>Хост %1 не предъявил ключ хоста.</translation>
    </message>
    <message>
        <source>The host key of %1 could not be read.</source>
        <translation>Не удалось прочитать ключ хоста %1.</translation>
    </message>
    <message>
        <source>The host key of %1 (%2) is marked as revoked in %3. Trainyard will not connect to it.</source>
        <translation>Ключ хоста %1 (%2) отмечен как отозванный в %3. Trainyard не будет подключаться к этому хосту.</translation>
    </message>
    <message>
        <source>The host key of %1 is not known yet. Trust it only if its %2 fingerprint is %3.</source>
        <extracomment>%1 is host:port, %2 a key type such as ssh-ed25519, %3 its SHA256 fingerprint</extracomment>
        <translation>Ключ хоста %1 пока неизвестен. Доверяйте ему, только если его отпечаток %2 равен %3.</translation>
    </message>
    <message>
        <source>The host key of %1 has changed: it was %2 and is now %3. Someone may be intercepting the connection (or the host was reinstalled), so Trainyard sent no credentials.</source>
        <translation>Ключ хоста %1 изменился: был %2, теперь %3. Возможно, соединение перехватывается (или система на хосте была переустановлена), поэтому Trainyard не отправил учётные данные.</translation>
    </message>
    <message>
        <source>%1 presented a host key of type %2 (%3), but only a key of type %4 (%5) is trusted for it. Someone may be intercepting the connection, so Trainyard sent no credentials.</source>
        <extracomment>%2 and %4 are key types such as ssh-ed25519, %3 and %5 SHA256 fingerprints</extracomment>
        <translation>Хост %1 предъявил ключ типа %2 (%3), но доверенным для него является только ключ типа %4 (%5). Возможно, соединение перехватывается, поэтому Trainyard не отправил учётные данные.</translation>
    </message>
    <message>
        <source>The host key of %1 has the fingerprint %2, not the accepted %3. Trainyard sent no credentials.</source>
        <translation>Отпечаток ключа хоста %1 (%2) не совпадает с подтверждённым (%3). Trainyard не отправил учётные данные.</translation>
    </message>
    <message>
        <source>Authentication with %1 failed.</source>
        <translation>Ошибка аутентификации на %1.</translation>
    </message>
    <message>
        <source>%1 does not accept passwords. Use a key or the SSH agent.</source>
        <translation>Хост %1 не принимает пароли. Используйте ключ или агент SSH.</translation>
    </message>
    <message>
        <source>%1 did not accept the password.</source>
        <translation>Хост %1 отклонил пароль.</translation>
    </message>
    <message>
        <source>%1 does not accept keys. Use a password.</source>
        <translation>Хост %1 не принимает ключи. Используйте пароль.</translation>
    </message>
    <message>
        <source>%1 does not accept keys, so the SSH agent cannot help. Use a password.</source>
        <translation>Хост %1 не принимает ключи, поэтому агент SSH не поможет. Используйте пароль.</translation>
    </message>
    <message>
        <source>No way to log in to %1 was chosen.</source>
        <translation>Не выбран способ входа на %1.</translation>
    </message>
    <message>
        <source>No private key file is set for %1.</source>
        <translation>Не указан файл закрытого ключа для %1.</translation>
    </message>
    <message>
        <source>The private key file %1 does not exist.</source>
        <translation>Файл закрытого ключа %1 не существует.</translation>
    </message>
    <message>
        <source>The private key file %1 cannot be read.</source>
        <translation>Не удаётся прочитать файл закрытого ключа %1.</translation>
    </message>
    <message>
        <source>The private key %1 is protected by a passphrase. Enter it to connect to %2.</source>
        <translation>Закрытый ключ %1 защищён парольной фразой. Введите её, чтобы подключиться к %2.</translation>
    </message>
    <message>
        <source>The passphrase for the private key %1 is wrong.</source>
        <translation>Неверная парольная фраза для закрытого ключа %1.</translation>
    </message>
    <message>
        <source>%1 is not a private key Trainyard can use (Ed25519, ECDSA or RSA, in OpenSSH or PEM format).</source>
        <translation>Trainyard не может использовать %1 как закрытый ключ (поддерживаются Ed25519, ECDSA и RSA в формате OpenSSH или PEM).</translation>
    </message>
    <message>
        <source>%1 did not accept the key %2.</source>
        <translation>Хост %1 не принял ключ %2.</translation>
    </message>
    <message>
        <source>No SSH agent is available to log in to %1 (SSH_AUTH_SOCK is not set).</source>
        <translation>Нет доступного агента SSH для входа на %1 (переменная SSH_AUTH_SOCK не задана).</translation>
    </message>
    <message>
        <source>The SSH agent at %1 is not running.</source>
        <translation>Агент SSH (%1) не запущен.</translation>
    </message>
    <message>
        <source>%1 accepted none of the keys in the SSH agent.</source>
        <translation>Хост %1 не принял ни один из ключей агента SSH.</translation>
    </message>
    <message>
        <source>%1 wants a further login step (for example a one-time code), which Trainyard does not support yet.</source>
        <translation>Хост %1 требует дополнительный шаг входа (например, одноразовый код), который Trainyard пока не поддерживает.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>Соединение с %1 разорвано (%2).</translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <extracomment>%1 is a sentence, %2 libssh&apos;s (English) explanation</extracomment>
        <translation>%1 Подробности: %2</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>Нет подключения к %1.</translation>
    </message>
    <message>
        <source>Could not open a channel to %1.</source>
        <translation>Не удалось открыть канал к %1.</translation>
    </message>
    <message>
        <source>%1 refused to open a channel.</source>
        <translation>Хост %1 отказался открыть канал.</translation>
    </message>
    <message>
        <source>%1 refused to run a command.</source>
        <translation>Хост %1 отказался выполнить команду.</translation>
    </message>
    <message>
        <source>The command on %1 did not finish within %2 s; it was stopped.</source>
        <translation>Команда на хосте %1 не завершилась за %2 с и была остановлена.</translation>
    </message>
    <message>
        <source>The data to send to %1 cannot be read.</source>
        <translation>Не удаётся прочитать данные для отправки на %1.</translation>
    </message>
    <message>
        <source>Sending data to %1 was cancelled.</source>
        <translation>Отправка данных на %1 отменена.</translation>
    </message>
    <message>
        <source>The data to send to %1 could not be read: %2</source>
        <translation>Не удалось прочитать данные для отправки на %1: %2</translation>
    </message>
    <message>
        <source>The file “%1” does not exist on %2.</source>
        <translation>Файл «%1» отсутствует на %2.</translation>
    </message>
    <message>
        <source>“%1” on %2 is a folder, not a file.</source>
        <translation>«%1» на %2 — папка, а не файл.</translation>
    </message>
    <message>
        <source>The file “%1” on %2 cannot be read.</source>
        <translation>Не удаётся прочитать файл «%1» на %2.</translation>
    </message>
    <message>
        <source>Reading “%1” on %2 failed: %3</source>
        <translation>Не удалось прочитать «%1» на %2: %3</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms.</source>
        <translation>Хост %1 не ответил в течение %2 мс.</translation>
    </message>
    <message>
        <source>%1 asks for more than a password when signing in (“%2”). Use a key or the SSH agent.</source>
        <translation>При входе хост %1 спрашивает не только пароль («%2»). Используйте ключ или агент SSH.</translation>
    </message>
</context>
<context>
    <name>Trainyard::SubmitDialog</name>
    <message>
        <source>Submit Run</source>
        <translation>Отправка запуска</translation>
    </message>
    <message>
        <source>Snapshots the project folder and starts the script on the run configuration&apos;s compute target. The run goes on when the studio closes.</source>
        <translation>Создаёт снимок папки проекта и запускает скрипт на вычислительном ресурсе, указанном в конфигурации запуска. Запуск продолжится и после закрытия студии.</translation>
    </message>
    <message>
        <source>&amp;Project folder:</source>
        <translation>Папка &amp;проекта:</translation>
    </message>
    <message>
        <source>The folder with your training script and its .azureml folder</source>
        <translation>Папка с обучающим скриптом и его папкой .azureml</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>О&amp;бзор…</translation>
    </message>
    <message>
        <source>Run &amp;configuration:</source>
        <translation>&amp;Конфигурация запуска:</translation>
    </message>
    <message>
        <source>The run configurations in the project&apos;s .azureml or aml_config folder</source>
        <translation>Конфигурации запуска в папке .azureml или aml_config проекта</translation>
    </message>
    <message>
        <source>&amp;Experiment:</source>
        <translation>&amp;Эксперимент:</translation>
    </message>
    <message>
        <source>An existing experiment, or a new name: letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Существующий эксперимент или новое имя: буквы, цифры, «_» и «-»</translation>
    </message>
    <message>
        <source>&amp;Script:</source>
        <translation>&amp;Скрипт:</translation>
    </message>
    <message>
        <source>Leave empty to run the script the run configuration names</source>
        <translation>Оставьте пустым, чтобы запустить скрипт, указанный в конфигурации запуска</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>&amp;Аргументы:</translation>
    </message>
    <message>
        <source>One argument per line, exactly as the script receives it (no quoting needed). Empty lines are left out.</source>
        <translation>По одному аргументу в строке, в точности так, как их получит скрипт (кавычки не нужны). Пустые строки пропускаются.</translation>
    </message>
    <message>
        <source>One argument per line, as the script receives it; filled in from the run configuration.</source>
        <translation>По одному аргументу в строке, так, как их получит скрипт; заполняется из конфигурации запуска.</translation>
    </message>
    <message>
        <source>Taking a snapshot of the project and starting the run…</source>
        <translation>Создание снимка проекта и запуск…</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>The experiment named in config.json, else the folder&apos;s name</source>
        <translation>Эксперимент, указанный в config.json, а если его нет — имя папки</translation>
    </message>
    <message>
        <source>Choose the project folder to submit.</source>
        <translation>Выберите папку проекта для отправки.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Папка %1 не существует.</translation>
    </message>
    <message>
        <source>The folder has no run configuration in .azureml or aml_config: choose one with “Other file…”, or create one with File ▸ Open Project Folder.</source>
        <translation>В папке нет конфигурации запуска в .azureml или aml_config: выберите её с помощью пункта «Другой файл…» или создайте через меню Файл ▸ Открыть папку проекта.</translation>
    </message>
    <message>
        <source>Choose Project Folder</source>
        <translation>Выбор папки проекта</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>%1 the configuration&apos;s name (its target, usually), %2 its file in the project</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Другой файл…</translation>
    </message>
    <message>
        <source>Choose Run Configuration</source>
        <translation>Выбор конфигурации запуска</translation>
    </message>
    <message>
        <source>The script the run configuration names</source>
        <translation>Скрипт, указанный в конфигурации запуска</translation>
    </message>
    <message>
        <source>This file cannot be read as a run configuration:
%1</source>
        <translation>Не удаётся прочитать этот файл как конфигурацию запуска:
%1</translation>
    </message>
    <message>
        <source>%1 (from the run configuration)</source>
        <translation>%1 (из конфигурации запуска)</translation>
    </message>
    <message>
        <source>Runs on the compute target “%1”; the configuration names no script.</source>
        <translation>Выполняется на вычислительном ресурсе «%1»; скрипт в конфигурации не указан.</translation>
    </message>
    <message>
        <source>Runs %1 on the compute target “%2”.</source>
        <translation>Скрипт %1 будет выполнен на вычислительном ресурсе «%2».</translation>
    </message>
    <message>
        <source>Python: %1.</source>
        <translation>Python: %1.</translation>
    </message>
    <message>
        <source>The file has errors; Submit lists them.</source>
        <translation>В файле есть ошибки; их список появится при нажатии «Отправить».</translation>
    </message>
    <message>
        <source>Uploading the snapshot: %1 of %2…</source>
        <translation>Отправка снимка: %1 из %2…</translation>
    </message>
</context>
<context>
    <name>Trainyard::Workspace</name>
    <message>
        <source>The workspace database reported an error: %1</source>
        <translation>База данных рабочей области сообщила об ошибке: %1</translation>
    </message>
    <message>
        <source>No workspace folder was given.</source>
        <translation>Не указана папка рабочей области.</translation>
    </message>
    <message>
        <source>%1 is a file, not a workspace folder.</source>
        <translation>%1 — это файл, а не папка рабочей области.</translation>
    </message>
    <message>
        <source>The workspace folder %1 is not writable: fix its permissions or choose another folder with --workspace.</source>
        <translation>Папка рабочей области %1 недоступна для записи: исправьте права доступа к ней или укажите другую папку с помощью --workspace.</translation>
    </message>
    <message>
        <source>%1 is not a file, so it cannot be a workspace database.</source>
        <translation>%1 не является файлом и поэтому не может быть базой данных рабочей области.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not a Trainyard workspace.</source>
        <translation>%1 — база данных SQLite другой программы, а не рабочая область Trainyard.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Trainyard (schema version %2; this version reads up to %3). Update Trainyard to open this workspace.</source>
        <translation>%1 создан более новой версией Trainyard (версия схемы %2, а эта версия поддерживает не выше %3). Чтобы открыть эту рабочую область, обновите Trainyard.</translation>
    </message>
    <message>
        <source>The workspace database %1 is read-only: fix its permissions.</source>
        <translation>База данных рабочей области %1 доступна только для чтения: исправьте права доступа к ней.</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder %1: check that its parent folder exists and is writable.</source>
        <translation>Не удаётся создать папку рабочей области %1: убедитесь, что родительская папка существует и доступна для записи.</translation>
    </message>
    <message>
        <source>The Qt SQLite driver is missing: install the package libqt6sql6-sqlite.</source>
        <translation>Отсутствует драйвер SQLite для Qt: установите пакет libqt6sql6-sqlite.</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>Не удаётся открыть %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Trainyard workspace database: it is damaged or another kind of file.</source>
        <translation>%1 — не база данных рабочей области Trainyard: файл повреждён или имеет другой формат.</translation>
    </message>
    <message>
        <source>Cannot open the workspace database %1: %2</source>
        <translation>Не удаётся открыть базу данных рабочей области %1: %2</translation>
    </message>
    <message>
        <source>The workspace database %1 is damaged or not a database: %2</source>
        <translation>База данных рабочей области %1 повреждена или не является базой данных: %2</translation>
    </message>
    <message>
        <source>The workspace database %1 is damaged: %2</source>
        <translation>База данных рабочей области %1 повреждена: %2</translation>
    </message>
    <message>
        <source>Cannot create the artifacts folder %1.</source>
        <translation>Не удаётся создать папку артефактов %1.</translation>
    </message>
    <message>
        <source>There is no compute target named “%1” in this workspace.</source>
        <translation>В этой рабочей области нет вычислительного ресурса с именем «%1».</translation>
    </message>
    <message>
        <source>The local compute target is built in; another one cannot be added.</source>
        <translation>Локальный вычислительный ресурс является встроенным, добавить ещё один нельзя.</translation>
    </message>
    <message>
        <source>A compute target named “%1” already exists.</source>
        <translation>Вычислительный ресурс с именем «%1» уже существует.</translation>
    </message>
    <message>
        <source>The local compute target is built in and cannot be deleted.</source>
        <translation>Локальный вычислительный ресурс является встроенным, его нельзя удалить.</translation>
    </message>
    <message>
        <source>The local compute target is built in and cannot be renamed.</source>
        <translation>Локальный вычислительный ресурс является встроенным, его нельзя переименовать.</translation>
    </message>
    <message>
        <source>An experiment needs a name.</source>
        <translation>Укажите имя эксперимента.</translation>
    </message>
    <message>
        <source>The experiment “%1” disappeared while a run was being created.</source>
        <translation>Эксперимент «%1» был удалён во время создания запуска.</translation>
    </message>
</context>
<context>
    <name>Trainyard::WorkspaceSchema</name>
    <message>
        <source>Could not record schema version %1: %2</source>
        <translation>Не удалось записать версию схемы %1: %2</translation>
    </message>
    <message>
        <source>Could not read the schema version: %1</source>
        <translation>Не удалось прочитать версию схемы: %1</translation>
    </message>
    <message>
        <source>Upgrading the workspace database to schema version %1 failed: %2</source>
        <translation>Не удалось обновить базу данных рабочей области до версии схемы %1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Не удаётся прочитать %1: %2.</translation>
    </message>
    <message>
        <source>%1 is not a Trainyard workspace database: it is damaged or another kind of file.</source>
        <translation>%1 — не база данных рабочей области Trainyard: файл повреждён или имеет другой формат.</translation>
    </message>
</context>
<context>
    <name>Trainyard::YamlDocument</name>
    <message>
        <source>YAML syntax error (%1): check the indentation of this line and the one before it.</source>
        <translation>Синтаксическая ошибка YAML (%1): проверьте отступы в этой и предыдущей строках.</translation>
    </message>
    <message>
        <source>YAML syntax error: an alias (*name) refers to an anchor (&amp;name) that is not defined above it.</source>
        <translation>Синтаксическая ошибка YAML: псевдоним (*name) ссылается на якорь (&amp;name), который не определён выше.</translation>
    </message>
    <message>
        <source>YAML syntax error (%1): a bracket or brace is not closed.</source>
        <translation>Синтаксическая ошибка YAML (%1): не закрыта квадратная или фигурная скобка.</translation>
    </message>
    <message>
        <source>YAML syntax error: %1.</source>
        <translation>Синтаксическая ошибка YAML: %1.</translation>
    </message>
    <message>
        <source>The file expands to more than %1 values (aliases that repeat aliases?); a run configuration is far smaller.</source>
        <translation>После раскрытия файл содержит более %1 значений (псевдонимы, повторяющие псевдонимы?); конфигурация запуска гораздо меньше.</translation>
    </message>
    <message>
        <source>Values are nested more than %1 levels deep.</source>
        <translation>Глубина вложенности значений превышает %1.</translation>
    </message>
    <message>
        <source>A key must be a plain name, not a list or a map.</source>
        <translation>Ключ должен быть простым именем, а не списком или словарём.</translation>
    </message>
    <message>
        <source>The key “%1” appears twice; only the last value counts.</source>
        <translation>Ключ «%1» встречается дважды; учитывается только последнее значение.</translation>
    </message>
    <message>
        <source>The file is %1 MB; a run configuration file may be at most %2 MB.</source>
        <translation>Размер файла — %1 МБ; размер файла конфигурации запуска не может превышать %2 МБ.</translation>
    </message>
    <message>
        <source>This is not a text file (binary data at byte %1).</source>
        <translation>Это не текстовый файл (двоичные данные по смещению %1).</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 text.</source>
        <translation>Файл не является текстом в кодировке UTF-8.</translation>
    </message>
    <message>
        <source>The file cannot be read as YAML: %1.</source>
        <translation>Не удаётся прочитать файл как YAML: %1.</translation>
    </message>
    <message>
        <source>Cannot read the file: there is no such file.</source>
        <translation>Не удаётся прочитать файл: такого файла нет.</translation>
    </message>
    <message>
        <source>Cannot read the file: it is a folder.</source>
        <translation>Не удаётся прочитать файл: это папка.</translation>
    </message>
    <message>
        <source>Cannot read the file: %1.</source>
        <translation>Не удаётся прочитать файл: %1.</translation>
    </message>
    <message>
        <source>The text holds the character U+%1, which YAML does not allow; remove it.</source>
        <translation>Текст содержит символ U+%1, недопустимый в YAML; удалите его.</translation>
    </message>
</context>
<context>
    <name>Trainyard::YamlEditor</name>
    <message>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Предупреждение: %1</translation>
    </message>
</context>
</TS>
