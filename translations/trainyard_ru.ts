<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
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
        <source>Output format: table (default) or json.</source>
        <translation>Формат вывода: table (по умолчанию) или json.</translation>
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
        <source>Not available yet: remote machines and Slurm clusters arrive in a later version.</source>
        <translation>Пока недоступно: поддержка удалённых машин и кластеров Slurm появится в одной из следующих версий.</translation>
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
        <source>Detach the remote machine “%1” from this workspace? The machine itself is not changed.</source>
        <translation>Отключить удалённую машину «%1» от этой рабочей области? Сама машина не изменится.</translation>
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
        <source>No experiments yet</source>
        <translation>Экспериментов пока нет</translation>
    </message>
    <message>
        <source>An experiment groups the runs of one project. Submitted runs appear here with their run counts and latest status.</source>
        <translation>Эксперимент объединяет запуски одного проекта. Отправленные запуски появятся здесь вместе с количеством запусков и последним состоянием.</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Запусков пока нет</translation>
    </message>
    <message>
        <source>Every run of every experiment appears here, filterable by status and target. Start with the Compute page to see where runs can execute.</source>
        <translation>Здесь отображаются все запуски всех экспериментов; их можно фильтровать по состоянию и вычислительному ресурсу. Начните со страницы «Вычисления», чтобы узнать, где можно выполнять запуски.</translation>
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
</TS>
